package org.achemine.verify;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Every accepted document of a reported flow is an invoice or was refused at integration (a refusal with
 * its code, never an invoice); every invoice is delivered (03 and every status after it: its file published in
 * the recipient's {@code out/}, as the publication journal says, since the recipient may have taken it), or
 * sent back (04) or rejected (05) by its recipient with a reason, or still being routed (01, 02: pending; a
 * violation once drained). That it was delivered only once is {@link OutboxFilesAccountedFor}'s side: no
 * second file carries its id. Production's invoices only: qualification's end in 01 ({@link EnvironmentsKeptApart}).
 */
final class InvoicesDeliveredOrSentBack implements Invariant {

    static final String INVOICES = "factures";
    static final String DELIVERED = "factures livrées (03 et suivants)";
    static final String SENT_BACK = "factures renvoyées (04) ou rejetées (05)";
    static final String REFUSED = "factures refusées à l'intégration (213)";
    static final String PENDING = "factures en cours d'acheminement (01, 02)";
    static final String NOT_REGISTERED = "documents acceptés pas encore intégrés ni refusés";

    private static final Set<String> ROUTING = Set.of("01", "02");
    private static final Set<String> SENT_BACK_STATUSES = Set.of("04", "05");

    private record InvoiceRow(String invoiceId, String status, String recipient, String deliveryPath, String reason) {
    }

    private record AcceptedDocument(String flowId, int rank, boolean flowRegistered) {
    }

    @Override
    public String name() {
        return "every accepted invoice delivered once or sent back with a reason";
    }

    @Override
    public void check(DataFolder data, VerificationReport.Builder report) {
        report.count(INVOICES).count(DELIVERED).count(SENT_BACK).count(PENDING).count(REFUSED);
        unregisteredDocuments(data, report);
        Long refused = data.jdbc().queryForObject("SELECT COUNT(*) FROM integration_refusal r"
                + " JOIN flow f ON f.flow_id = r.flow_id WHERE f.qualification = FALSE", Long.class);
        report.add(REFUSED, refused == null ? 0 : refused);
        data.forEachRow("""
                SELECT invoice_id, status, recipient_siret, delivery_path, reason_code FROM invoice
                WHERE invoice_id > ? AND qualification = FALSE ORDER BY invoice_id LIMIT ?""",
                (rs, i) -> new InvoiceRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)),
                InvoiceRow::invoiceId,
                invoice -> check(data, report, invoice));
    }

    private static void check(DataFolder data, VerificationReport.Builder report, InvoiceRow invoice) {
        report.add(INVOICES);
        String which = "facture " + invoice.invoiceId();
        if (ROUTING.contains(invoice.status())) {
            report.pending(PENDING, ViolationCode.INV_FACTURE_EN_ATTENTE,
                    which + " : toujours en statut " + invoice.status() + " (pas encore acheminée)");
            return;
        }
        if (invoice.deliveryPath() != null) {
            Path delivered = invoice.recipient() == null ? Path.of(invoice.deliveryPath())
                    : DataFolder.underFolder(data.mailboxes().recipientOut(invoice.recipient()), invoice.deliveryPath());
            if (data.journaled(delivered.getParent(), delivered.toString()) == DataFolder.Journaled.PUBLISHED) {
                report.add(DELIVERED);
            } else {
                report.violation(ViolationCode.INV_LIVRAISON_ABSENTE, which + " (statut " + invoice.status()
                        + ") : livraison jamais publiée (absente du journal des publications : " + delivered + ")");
            }
        } else if (!SENT_BACK_STATUSES.contains(invoice.status())) {
            report.violation(ViolationCode.INV_LIVRAISON_ABSENTE, which + " : statut " + invoice.status()
                    + " sans livraison enregistrée");
        }
        if (SENT_BACK_STATUSES.contains(invoice.status())) {
            report.add(SENT_BACK);
            if (invoice.reason() == null || invoice.reason().isBlank()) {
                report.violation(ViolationCode.INV_MOTIF_ABSENT, which + " : statut " + invoice.status() + " sans motif");
            }
        }
    }

    /**
     * Accepted documents of reported flows neither integrated nor refused: not decided yet (pending), or lost
     * when their flow says they all were. Normally none, so listed in one query.
     */
    private static void unregisteredDocuments(DataFolder data, VerificationReport.Builder report) {
        report.count(NOT_REGISTERED);
        List<AcceptedDocument> documents = data.jdbc().query("""
                SELECT d.flow_id, d.doc_rank, f.invoices_registered FROM flow_document d
                JOIN flow f ON f.flow_id = d.flow_id
                WHERE d.decision = 'ACCEPTED' AND f.stage = 'REPORTED'
                  AND NOT EXISTS (SELECT 1 FROM invoice i WHERE i.flow_id = d.flow_id AND i.doc_rank = d.doc_rank)
                  AND NOT EXISTS (SELECT 1 FROM integration_refusal r WHERE r.flow_id = d.flow_id AND r.doc_rank = d.doc_rank)
                ORDER BY d.flow_id, d.doc_rank LIMIT ?""",
                (rs, i) -> new AcceptedDocument(rs.getString(1), rs.getInt(2), rs.getBoolean(3)),
                VerificationReport.KEPT_VIOLATIONS);
        for (AcceptedDocument document : documents) {
            String which = "document " + document.rank() + " du flux " + document.flowId();
            if (document.flowRegistered()) {
                report.violation(ViolationCode.INV_FACTURE_PERDUE, which + " : accepté, mais aucune facture "
                        + document.flowId() + "-" + document.rank() + " ni refus d'intégration alors que le flux est traité");
            } else {
                report.pending(NOT_REGISTERED, ViolationCode.INV_FACTURE_EN_ATTENTE,
                        which + " : accepté, pas encore intégré ni refusé");
            }
        }
    }
}
