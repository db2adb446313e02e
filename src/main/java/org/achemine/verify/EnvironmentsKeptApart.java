package org.achemine.verify;

/**
 * Qualification and production never mix (ADR 0025): a qualification invoice stays in 01 Déposée, with no
 * recipient and no delivery (nothing of it reaches a recipient's {@code out/}); a status read from a status
 * flow acts only on an invoice of the flow's own environment.
 */
final class EnvironmentsKeptApart implements Invariant {

    static final String QUALIFICATION_INVOICES = "factures de qualification (acceptées, jamais transmises)";

    @Override
    public String name() {
        return "qualification and production kept apart";
    }

    @Override
    public void check(DataFolder data, VerificationReport.Builder report) {
        report.count(QUALIFICATION_INVOICES);
        Long invoices = data.jdbc().queryForObject("SELECT COUNT(*) FROM invoice WHERE qualification = TRUE", Long.class);
        report.add(QUALIFICATION_INVOICES, invoices == null ? 0 : invoices);
        data.jdbc().query("""
                SELECT invoice_id, status, recipient_siret, delivery_path FROM invoice
                WHERE qualification = TRUE
                  AND (status <> '01' OR recipient_siret IS NOT NULL OR delivery_path IS NOT NULL)
                ORDER BY invoice_id LIMIT ?""",
                (rs, i) -> "facture " + rs.getString(1) + " (qualification) : statut " + rs.getString(2)
                        + (rs.getString(3) == null ? "" : ", destinataire " + rs.getString(3))
                        + (rs.getString(4) == null ? "" : ", livrée " + rs.getString(4)),
                VerificationReport.KEPT_VIOLATIONS)
                .forEach(which -> report.violation(ViolationCode.INV_QUALIFICATION_LIVREE, which));
        data.jdbc().query("""
                SELECT h.invoice_id, h.seq, h.source_flow_id, i.qualification FROM invoice_status_history h
                JOIN invoice i ON i.invoice_id = h.invoice_id JOIN flow f ON f.flow_id = h.source_flow_id
                WHERE f.qualification <> i.qualification
                ORDER BY h.invoice_id, h.seq LIMIT ?""",
                (rs, i) -> "facture " + rs.getString(1) + " (" + (rs.getBoolean(4) ? "qualification" : "production")
                        + ") : changement " + rs.getInt(2) + " venu du flux " + rs.getString(3) + " de l'autre environnement",
                VerificationReport.KEPT_VIOLATIONS)
                .forEach(which -> report.violation(ViolationCode.INV_STATUT_AUTRE_ENVIRONNEMENT, which));
    }
}
