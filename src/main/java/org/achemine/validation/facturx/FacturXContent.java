package org.achemine.validation.facturx;

import java.util.List;
import org.achemine.validation.Finding;

/** What reading a PDF gave: its embedded invoice, or the findings that refuse the PDF (then {@code invoice} is null). */
public record FacturXContent(EmbeddedInvoice invoice, List<Finding> refusal) {

    public FacturXContent {
        refusal = List.copyOf(refusal);
    }

    static FacturXContent of(EmbeddedInvoice invoice) {
        return new FacturXContent(invoice, List.of());
    }

    static FacturXContent refused(Finding finding) {
        return new FacturXContent(null, List.of(finding));
    }

    public boolean refused() {
        return invoice == null;
    }
}
