package org.achemine.routing;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.achemine.delivery.InvoiceDelivery;
import org.achemine.delivery.InvoiceDelivery.Order;
import org.achemine.delivery.pivot.PivotNames;
import org.achemine.delivery.Resend;
import org.achemine.lifecycle.Actor;
import org.achemine.lifecycle.InvoiceLedger;
import org.achemine.lifecycle.InvoiceLedger.Change;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.lifecycle.report.LifecycleReportFormat;
import org.achemine.lifecycle.updates.CompletionDocuments;
import org.achemine.report.cppstatut.FactureStatutWriter.Envelope;
import org.achemine.lifecycle.report.StatusLine;
import org.achemine.publication.PublicationJournal;
import org.achemine.publication.PublicationKind;
import org.achemine.validation.attachment.Attachment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Delivers again to its recipient an invoice the supplier completed (06 Suspendue → 12 Complétée), then
 * moves it 12 → 03 Mise à disposition. The recipient gets two files in its mailbox: the invoice, byte for
 * byte as first deposited, named {@code <invoiceId>_COMPLETEE_<name>.xml} (pivot {@code Renvoi} =
 * Complétée), and just before it a status notice {@code <invoiceId>_COMPLETEE_<name>.statut.xml} (the
 * status flow format, one 12 Complétée change) carrying the supplier's completion comment. Exactly once,
 * like a first delivery: names are fixed by the invoice and the count of its completions, both files are
 * published once through the journal, and the status changes only after both are journaled published.
 * A completion made with a bundle (ADR 0023) also delivers its documents: to an original-format recipient as
 * files of their own published before the notice, {@code <invoiceId>_COMPLETEE_PJ<n>_<name>}; in a pivot as
 * {@code PJ} type 02 after the invoice's own.
 */
public class CompletedInvoiceRedelivery {

    private final JdbcTemplate jdbc;
    private final InvoiceLedger ledger;
    private final InvoiceDelivery delivery;
    private final LifecycleReportFormat format;
    private final String platformCode;
    private final Clock clock;
    private final PublicationJournal publications;
    private final CompletionDocuments completionDocuments;

    public CompletedInvoiceRedelivery(JdbcTemplate jdbc, InvoiceLedger ledger, InvoiceDelivery delivery,
                                      LifecycleReportFormat format, String platformCode, Clock clock,
                                      PublicationJournal publications, CompletionDocuments completionDocuments) {
        this.completionDocuments = completionDocuments;
        this.publications = publications;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.delivery = delivery;
        this.format = format;
        this.platformCode = platformCode;
        this.clock = clock;
    }

    private record Completed(String invoiceId, String flowId, int rank, String entryName, String recipientSiret,
                             String serviceCode, int completions, StatusLine completion, String completionFlowId) {
    }

    /** Delivers again up to {@code limit} completed invoices, in the caller's transaction; returns how many. */
    public int redeliverNext(int limit) throws IOException {
        List<Completed> completed = jdbc.query("""
                SELECT i.invoice_id, i.flow_id, i.doc_rank, d.entry_name, i.recipient_siret, i.routed_service,
                       (SELECT COUNT(*) FROM invoice_status_history c WHERE c.invoice_id = i.invoice_id AND c.status = ?),
                       h.seq, h.reform_code, h.actor, h.message, h.changed_at, i.invoice_number, d.issue_date, i.supplier_id,
                       h.source_flow_id
                FROM invoice i
                JOIN flow_document d ON d.flow_id = i.flow_id AND d.doc_rank = i.doc_rank
                JOIN invoice_status_history h ON h.invoice_id = i.invoice_id
                     AND h.seq = (SELECT MAX(seq) FROM invoice_status_history m WHERE m.invoice_id = i.invoice_id)
                WHERE i.status = ? ORDER BY i.invoice_id FETCH FIRST ? ROWS ONLY""",
                (rs, n) -> {
                    Date issued = rs.getDate(14);
                    return new Completed(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getInt(7),
                            new StatusLine(rs.getString(1), rs.getInt(8), InvoiceStatus.COMPLETEE.code(), rs.getString(9),
                                    rs.getString(10), null, rs.getString(11), rs.getTimestamp(12).toInstant(),
                                    rs.getString(13), issued == null ? null : issued.toLocalDate(), rs.getString(15),
                                    rs.getString(5), rs.getString(6)), rs.getString(16));
                },
                InvoiceStatus.COMPLETEE.code(), InvoiceStatus.COMPLETEE.code(), limit);
        Instant now = clock.instant();
        List<Change> changes = new ArrayList<>(completed.size());
        List<Object[]> paths = new ArrayList<>(completed.size());
        for (Completed invoice : completed) {
            Path file = delivery.target(invoice.invoiceId(), invoice.recipientSiret(), invoice.entryName(),
                    Resend.COMPLETEE, invoice.completions());
            String name = file.getFileName().toString();
            Path notice = file.resolveSibling(name.substring(0, name.length() - ".xml".length()) + ".statut.xml");
            // dated by the completion: the same content at every attempt
            String mailbox = file.getParent().getParent().getFileName().toString();
            byte[] xml = format.single(new Envelope(platformCode, LifecycleReportFormat.receiver(mailbox),
                    invoice.invoiceId() + "_" + Resend.COMPLETEE.fileFlag(invoice.completions()),
                    invoice.completion().changedAt()), invoice.completion());
            List<Attachment> documents = completionDocuments.of(invoice.invoiceId(), invoice.completionFlowId());
            boolean original = delivery.deliversOriginal(invoice.recipientSiret());
            if (original) {
                publishDocuments(invoice, file.getParent(), documents);
            }
            publications.publishOnce(PublicationKind.COMPLETION_NOTICE, invoice.invoiceId(), notice, () -> xml);
            delivery.deliver(new Order(invoice.invoiceId(), invoice.flowId(), invoice.rank(), invoice.recipientSiret(),
                    invoice.entryName(), Resend.COMPLETEE, invoice.completions(), original ? List.of() : documents));
            changes.add(new Change(invoice.invoiceId(), InvoiceStatus.COMPLETEE, InvoiceStatus.MISE_A_DISPOSITION,
                    Actor.PLATFORM, null, "Renvoi après complétion : mise à disposition de " + invoice.recipientSiret()
                    + " : " + file.getFileName(), now));
            paths.add(new Object[] {file.toString(), invoice.invoiceId()});
        }
        if (!changes.isEmpty()) {
            ledger.changeAll(changes);
            jdbc.batchUpdate("UPDATE invoice SET delivery_path = ? WHERE invoice_id = ?", paths);
        }
        return completed.size();
    }

    /** Each document once through the journal, named after the invoice and its completion: a rerun finds it made. */
    private void publishDocuments(Completed invoice, Path outbox, List<Attachment> documents) throws IOException {
        String flag = Resend.COMPLETEE.fileFlag(invoice.completions());
        for (Attachment document : documents) {
            Path target = outbox.resolve(invoice.invoiceId() + "_" + flag + "_PJ" + document.rank() + "_"
                    + PivotNames.attachmentName(document.fileName(), document.rank()));
            publications.publishOnce(PublicationKind.COMPLETION_DOCUMENT, invoice.invoiceId(), target,
                    document::content);
        }
    }
}
