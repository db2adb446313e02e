package org.achemine.report;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether an invoice still awaits a status, as an SQL condition for the queries that list waiting invoices
 * (daily summaries, {@code invoice list}): not in a final status, and not in 10 Comptabilisée at a structure
 * that never reports 11 Mise en paiement (directory in service: {@code GestionStatutMiseEnPaiement} false).
 * A structure absent from the directory is assumed to report it. The codes are those of
 * {@code lifecycle.StatusTransitions#awaitsNothing} (a test keeps them in step; this package may not depend
 * on the lifecycle's).
 */
public final class AwaitedStatus {

    /** 04 À recycler, 05 Rejetée, 11 Mise en paiement, 15 Refusée (by a validator), 18 / 21 (by the MOE / MOA). */
    public static final List<String> FINAL_STATUSES = List.of("04", "05", "11", "15", "18", "21");
    /** 10 Comptabilisée: final where payment is not reported. */
    public static final String BOOKED = "10";

    private static final String FINAL = FINAL_STATUSES.stream().map(code -> "'" + code + "'")
            .collect(Collectors.joining(", "));

    private AwaitedStatus() {
    }

    /** The condition on the invoice table aliased {@code invoice}. */
    public static String awaitedBy(String invoice) {
        return "(" + invoice + ".status NOT IN (" + FINAL + ") AND NOT (" + invoice + ".status = '" + BOOKED
                + "' AND EXISTS (SELECT 1 FROM directory_structure ds"
                + " JOIN directory_current dc ON dc.generation_id = ds.generation_id"
                + " WHERE ds.identifier = " + invoice + ".recipient_siret AND ds.manages_payment_status = FALSE)))";
    }
}
