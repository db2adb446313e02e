package org.achemine.validation.admissibility;

import java.util.List;
import org.achemine.validation.Finding;
import org.achemine.validation.InvoiceDocument;

/**
 * The documents of a batch flow, in archive order, or the findings that refuse the whole archive
 * (corrupt, bomb, nested archive, forbidden path, too many entries) — then {@code documents} is empty.
 */
public record Unpacked(List<InvoiceDocument> documents, List<Finding> refusal) {

    public Unpacked {
        documents = List.copyOf(documents);
        refusal = List.copyOf(refusal);
    }

    public boolean refused() {
        return !refusal.isEmpty();
    }
}
