package org.achemine.validation.facturx;

import java.util.List;
import org.achemine.validation.Finding;

/**
 * What reading a PDF gave: its embedded invoice and the other files it embeds (attachments), or the findings that
 * refuse the PDF (then {@code invoice} is null).
 */
public record FacturXContent(EmbeddedInvoice invoice, List<Finding> refusal, List<EmbeddedFile> otherFiles) {

    public FacturXContent {
        refusal = List.copyOf(refusal);
        otherFiles = List.copyOf(otherFiles);
    }

    static FacturXContent of(EmbeddedInvoice invoice, List<EmbeddedFile> otherFiles) {
        return new FacturXContent(invoice, List.of(), otherFiles);
    }

    static FacturXContent refused(Finding finding) {
        return new FacturXContent(null, List.of(finding), List.of());
    }

    public boolean refused() {
        return invoice == null;
    }
}
