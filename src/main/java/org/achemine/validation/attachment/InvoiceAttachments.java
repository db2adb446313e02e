package org.achemine.validation.attachment;

import java.util.ArrayList;
import java.util.List;
import org.achemine.validation.facturx.EmbeddedFile;

/**
 * All the attachments of one invoice, in the order they are checked, reported and delivered: those its XML embeds
 * (UBL or CII), then, for a Factur-X deposit, the files its PDF embeds besides the invoice. Thread-safe.
 */
public final class InvoiceAttachments {

    /** Where a Factur-X PDF's own embedded files sit, for messages. */
    static final String PDF = "PDF (fichier incorporé)";

    private final AttachmentReader reader;

    /** @param maxSize the largest attachment decoded; a larger one is sized and refused, not decoded */
    public InvoiceAttachments(long maxSize) {
        this.reader = new AttachmentReader(maxSize);
    }

    /** @param pdfFiles the other files of a Factur-X PDF; empty for an XML deposit */
    public List<Attachment> of(byte[] invoiceXml, List<EmbeddedFile> pdfFiles) {
        List<Attachment> all = new ArrayList<>(reader.read(invoiceXml));
        for (EmbeddedFile file : pdfFiles) {
            all.add(new Attachment(all.size() + 1, PDF, file.fileName(), file.subtype(), file.description(),
                    file.content(), file.size(), file.problem()));
        }
        return List.copyOf(all);
    }
}
