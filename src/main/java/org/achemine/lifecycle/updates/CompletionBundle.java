package org.achemine.lifecycle.updates;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.achemine.intake.InterfaceSniffer;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.FlowKind;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.Location;
import org.achemine.validation.admissibility.ArchiveUnpacker;
import org.achemine.validation.admissibility.Unpacked;
import org.achemine.validation.attachment.Attachment;
import org.achemine.validation.attachment.AttachmentCheck;

/**
 * A completion bundle (ADR 0023): one .zip holding exactly one status file with one 12 Complétée line, and the
 * documents that complete that invoice. Expanded within the batch reader's limits (entry count, sizes, expansion
 * ratio, unsafe paths, nested archives); each document checked like an invoice's attachment (same codes, its
 * name in the message). One drop is atomic: any refusal refuses the whole bundle, never a status without its
 * documents.
 */
public final class CompletionBundle {

    /** Where a bundle's document sits, for messages and the pivot. */
    public static final String WHERE = "lot de complément";

    /** The declared type of a document, from its extension (a zip entry carries no type of its own). */
    private static final Map<String, String> TYPES = Map.of("pdf", "application/pdf", "png", "image/png",
            "jpg", "image/jpeg", "jpeg", "image/jpeg",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "ods", "application/vnd.oasis.opendocument.spreadsheet");

    private final ArchiveUnpacker unpacker;
    private final AttachmentCheck check;
    private final CppStatutStatusFile cppStatut;

    public CompletionBundle(ArchiveUnpacker unpacker, AttachmentCheck check, CppStatutStatusFile cppStatut) {
        this.unpacker = unpacker;
        this.check = check;
        this.cppStatut = cppStatut;
    }

    /** The bundle as read: its status file (refused as a whole on any finding) and its documents, in entry order. */
    public record Read(StatusFile statusFile, List<Attachment> documents) {
    }

    public Read read(Path archived, int maxLines) throws IOException {
        Unpacked unpacked = unpacker.unpack(FlowKind.ZIP, archived);
        if (unpacked.refused()) {
            return refused(unpacked.refusal());
        }
        List<InvoiceDocument> statusFiles = new ArrayList<>();
        List<Attachment> documents = new ArrayList<>();
        for (InvoiceDocument entry : unpacked.documents()) {
            if (InterfaceSniffer.isStatusFile(entry.name(), new ByteArrayInputStream(entry.bytes()))) {
                statusFiles.add(entry);
            } else {
                documents.add(new Attachment(documents.size() + 1, WHERE, entry.name(), typeOf(entry.name()), null,
                        entry.bytes(), entry.size(), null));
            }
        }
        if (statusFiles.size() != 1) {
            return refused(bundle(statusFiles.size() + " fichiers de statut au lieu d'un"));
        }
        if (documents.isEmpty()) {
            return refused(bundle("il ne contient aucun document"));
        }
        List<Finding> documentFindings = check.check(documents);
        if (documentFindings.stream().anyMatch(Finding::isFatal)) {
            return refused(documentFindings);
        }
        InvoiceDocument status = statusFiles.get(0);
        StatusFile file = status.name().toLowerCase(Locale.ROOT).endsWith(".csv")
                ? CsvStatusFile.read(() -> new ByteArrayInputStream(status.bytes()), maxLines)
                : cppStatut.read(status.name(), () -> new ByteArrayInputStream(status.bytes()), maxLines);
        if (file.rejected()) {
            return new Read(file, documents);
        }
        if (file.lines().size() != 1) {
            return refused(bundle("son fichier de statut « " + status.name() + " » a " + file.lines().size()
                    + " lignes au lieu d'une"));
        }
        RawStatusLine line = file.lines().get(0);
        if (line.malformation() == null && !InvoiceStatus.COMPLETEE.code().equals(line.status())) {
            return refused(bundle("sa ligne demande le statut « " + line.status() + " », pas 12 Complétée"));
        }
        // the documents are the complement: the line needs no comment of its own to complete the invoice
        RawStatusLine withDocuments = new RawStatusLine(line.lineNumber(), line.numOrdre(), line.invoiceId(),
                line.supplierId(), line.invoiceNumber(), line.invoiceDate(), line.status(), line.dateTime(),
                line.reason(), line.comment(), names(documents), line.malformation(), line.producer(),
                line.producerId(), line.debtorSiret(), line.mandateId());
        // the documents' warnings (text under a PDF name...) go to the status report with the file's own
        List<Finding> findings = new ArrayList<>(file.fileFindings());
        findings.addAll(documentFindings);
        return new Read(new StatusFile(findings, List.of(withDocuments)), documents);
    }

    private static String names(List<Attachment> documents) {
        return String.join(", ", documents.stream().map(Attachment::fileName).toList());
    }

    static String typeOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static List<Finding> bundle(String why) {
        return List.of(Finding.of(FindingCode.STA_LOT_COMPLEMENT, Location.NONE, why));
    }

    private static Read refused(List<Finding> findings) {
        return new Read(StatusFile.rejected(findings), List.of());
    }
}
