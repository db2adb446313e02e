package org.achemine.validation.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.achemine.validation.attachment.AttachmentCheck;
import org.achemine.validation.attachment.AttachmentLimits;
import org.achemine.validation.attachment.InvoiceAttachments;
import org.achemine.validation.DocumentVerdict;
import org.achemine.validation.Finding;
import org.achemine.validation.FlowKind;
import org.achemine.validation.FlowVerdict;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.ValidationPipeline;
import org.achemine.validation.admissibility.ArchiveUnpacker;
import org.achemine.validation.admissibility.FileAdmission;
import org.achemine.validation.admissibility.FileAdmissibilityCheck;
import org.achemine.validation.admissibility.Unpacked;
import org.achemine.validation.facturx.EmbeddedInvoice;
import org.achemine.validation.facturx.FacturXChecks;
import org.achemine.validation.facturx.FacturXContent;
import org.achemine.validation.facturx.FacturXReader;

/**
 * Validates one flow file: the file's own admissibility, then each document it holds (one for an XML
 * flow, one per entry for a batch archive, the embedded CII for a Factur-X PDF, with the Factur-X checks)
 * through the {@link ValidationPipeline}, then its attachments (those of the XML, and a Factur-X PDF's other
 * embedded files) through the {@link AttachmentCheck}. Thread-safe.
 */
public final class FlowValidator {

    private final FileAdmissibilityCheck fileAdmissibility;
    private final ArchiveUnpacker unpacker;
    private final FacturXReader facturX;
    private final FacturXChecks facturXChecks = new FacturXChecks();
    private final ValidationPipeline pipeline;
    private final InvoiceAttachments attachments;
    private final AttachmentCheck attachmentCheck;

    public FlowValidator(FileAdmissibilityCheck fileAdmissibility, ArchiveUnpacker unpacker, FacturXReader facturX,
                         ValidationPipeline pipeline, AttachmentLimits attachmentLimits) {
        this.attachments = new InvoiceAttachments(attachmentLimits.maxSize());
        this.attachmentCheck = new AttachmentCheck(attachmentLimits);
        this.fileAdmissibility = fileAdmissibility;
        this.unpacker = unpacker;
        this.facturX = facturX;
        this.pipeline = pipeline;
    }

    /**
     * @param fileName the flow's original file name (as dropped by the partner)
     * @param content  where its bytes are (the archived original); read, never modified
     * @throws IOException when the content cannot be read: a fault of ours, not of the flow
     */
    public FlowVerdict validate(String fileName, Path content) throws IOException {
        long size = Files.size(content);
        if (FileAdmissibilityCheck.kindOf(fileName) == FlowKind.XML && fileAdmissibility.isWithinSize(size)) {
            // an XML flow is read once: its file admission looks at the bytes its document is validated from
            byte[] bytes = Files.readAllBytes(content);
            FileAdmission admission = fileAdmissibility.admit(fileName, bytes);
            if (!admission.admitted()) {
                return FlowVerdict.refused(admission.kind(), admission.findings());
            }
            return new FlowVerdict(admission.kind(), admission.findings(),
                    List.of(validate(new InvoiceDocument(fileName, bytes))));
        }
        FileAdmission admission = fileAdmissibility.admit(fileName, size, content);
        if (!admission.admitted()) {
            return FlowVerdict.refused(admission.kind(), admission.findings());
        }
        if (admission.kind() == FlowKind.PDF) {
            return validateFacturX(fileName, content, admission);
        }
        List<InvoiceDocument> documents;
        if (admission.kind().isArchive()) {
            Unpacked unpacked = unpacker.unpack(admission.kind(), content);
            if (unpacked.refused()) {
                return FlowVerdict.refused(admission.kind(), concat(admission, unpacked));
            }
            documents = unpacked.documents();
        } else {
            documents = List.of(new InvoiceDocument(fileName, Files.readAllBytes(content)));
        }
        List<DocumentVerdict> verdicts = documents.stream().map(this::validate).toList();
        return new FlowVerdict(admission.kind(), admission.findings(), verdicts);
    }

    /** The embedded CII validated under the PDF's name (so it is archived, routed and delivered as the PDF). */
    private FlowVerdict validateFacturX(String fileName, Path content, FileAdmission admission) {
        FacturXContent read = facturX.read(content);
        if (read.refused()) {
            return FlowVerdict.refused(FlowKind.PDF,
                    Stream.concat(admission.findings().stream(), read.refusal().stream()).toList());
        }
        EmbeddedInvoice invoice = read.invoice();
        DocumentVerdict verdict = pipeline.validate(new InvoiceDocument(fileName, invoice.xml()))
                .withAdmissibilityFindings(facturXChecks.check(invoice));
        verdict = withAttachments(verdict, invoice.xml(), read);
        return new FlowVerdict(FlowKind.PDF, admission.findings(), List.of(verdict));
    }

    /** Validates a single document held in memory (the kind is XML), its attachments included. */
    public DocumentVerdict validate(InvoiceDocument document) {
        return withAttachments(pipeline.validate(document), document.bytes(), null);
    }

    /** A document admitted as an invoice has its attachments checked; one refused before is not read again. */
    private DocumentVerdict withAttachments(DocumentVerdict verdict, byte[] xml, FacturXContent pdf) {
        if (verdict.syntax() == null) {
            return verdict;
        }
        return verdict.withAdmissibilityFindings(
                attachmentCheck.check(attachments.of(xml, pdf == null ? List.of() : pdf.otherFiles())));
    }

    private static List<Finding> concat(FileAdmission admission, Unpacked unpacked) {
        return Stream.concat(admission.findings().stream(), unpacked.refusal().stream()).toList();
    }
}
