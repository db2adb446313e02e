package org.achemine.lifecycle;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Whether an invoice still awaits a status, as an SQL condition for the queries that list waiting invoices
 * (daily summaries, {@code invoice list}): not in a final status, and not in 10 Comptabilisée at a structure
 * that never reports 11 Mise en paiement (directory in service: {@code GestionStatutMiseEnPaiement} false).
 * A structure absent from the directory is assumed to report it. Same rule as
 * {@link StatusTransitions#awaitsNothing}.
 */
public final class AwaitedStatus {

    private static final String FINAL = Arrays.stream(InvoiceStatus.values()).filter(StatusTransitions::isFinal)
            .map(s -> "'" + s.code() + "'").collect(Collectors.joining(", "));

    private AwaitedStatus() {
    }

    /** The condition on the invoice table aliased {@code invoice}. */
    public static String awaitedBy(String invoice) {
        return "(" + invoice + ".status NOT IN (" + FINAL + ") AND NOT (" + invoice + ".status = '"
                + InvoiceStatus.COMPTABILISEE.code() + "' AND EXISTS (SELECT 1 FROM directory_structure ds"
                + " JOIN directory_current dc ON dc.generation_id = ds.generation_id"
                + " WHERE ds.identifier = " + invoice + ".recipient_siret AND ds.manages_payment_status = FALSE)))";
    }
}
