package org.achemine.circuit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.achemine.delivery.InvoiceDelivery;
import org.achemine.lifecycle.Actor;
import org.achemine.lifecycle.InvoiceLedger;
import org.achemine.lifecycle.InvoiceLedger.Change;
import org.achemine.lifecycle.InvoiceStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Transmits to its MOA a works invoice its MOE took into account (19), or left unanswered past its delay (23):
 * delivered to the MOA's mailbox, → 20 Transmise MOA, the circuit's row now the MOA's with its own deadline.
 * Exactly once like any delivery: the file's name is fixed by the invoice, published through the journal, and
 * the status changes in the same transaction.
 */
public class MoaTransmission {

    private final JdbcTemplate jdbc;
    private final InvoiceLedger ledger;
    private final InvoiceDelivery delivery;
    private final Clock clock;
    private final Duration moaDelay;

    public MoaTransmission(JdbcTemplate jdbc, InvoiceLedger ledger, InvoiceDelivery delivery, Clock clock,
                           Duration moaDelay) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.delivery = delivery;
        this.clock = clock;
        this.moaDelay = moaDelay;
    }

    private record ToMoa(String invoiceId, String flowId, int rank, String entryName, String moa,
                         InvoiceStatus status) {
    }

    /** Transmits up to {@code limit} invoices, in the caller's transaction; returns how many. */
    public int transmitNext(int limit) throws IOException {
        List<ToMoa> ready = jdbc.query("""
                SELECT i.invoice_id, i.flow_id, i.doc_rank, d.entry_name, c.moa_siret, i.status
                FROM invoice i
                JOIN invoice_circuit c ON c.invoice_id = i.invoice_id
                JOIN flow_document d ON d.flow_id = i.flow_id AND d.doc_rank = i.doc_rank
                WHERE i.status IN (?, ?) ORDER BY i.invoice_id FETCH FIRST ? ROWS ONLY""",
                (rs, n) -> new ToMoa(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        InvoiceStatus.ofCode(rs.getString(6))),
                InvoiceStatus.PRISE_EN_COMPTE_MOE.code(), InvoiceStatus.ABSENCE_VALIDATION_MOE_DELAI.code(), limit);
        Instant now = clock.instant();
        List<Change> transmitted = new ArrayList<>(ready.size());
        List<Object[]> invoices = new ArrayList<>(ready.size());
        List<Object[]> circuits = new ArrayList<>(ready.size());
        for (ToMoa invoice : ready) {
            Path file = delivery.deliver(invoice.invoiceId(), invoice.flowId(), invoice.rank(), invoice.moa(),
                    invoice.entryName());
            transmitted.add(new Change(invoice.invoiceId(), invoice.status(), InvoiceStatus.TRANSMISE_MOA,
                    Actor.PLATFORM, null, "Mise à disposition du maître d'ouvrage " + invoice.moa() + " : "
                    + file.getFileName(), now));
            invoices.add(new Object[] {invoice.moa(), file.toString(), invoice.invoiceId()});
            circuits.add(new Object[] {invoice.moa(), now.plus(moaDelay).atOffset(ZoneOffset.UTC), invoice.invoiceId()});
        }
        if (!ready.isEmpty()) {
            ledger.changeAll(transmitted);
            jdbc.batchUpdate("UPDATE invoice SET recipient_siret = ?, delivery_path = ? WHERE invoice_id = ?", invoices);
            jdbc.batchUpdate("UPDATE invoice_circuit SET circuit_role = 'MOA', party_siret = ?, due_at = ?"
                    + " WHERE invoice_id = ?", circuits);
        }
        return ready.size();
    }
}
