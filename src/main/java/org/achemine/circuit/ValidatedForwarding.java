package org.achemine.circuit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.achemine.delivery.InvoiceDelivery;
import org.achemine.lifecycle.Actor;
import org.achemine.lifecycle.InvoiceLedger;
import org.achemine.lifecycle.InvoiceLedger.Change;
import org.achemine.lifecycle.InvoiceStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Delivers to its public recipient an invoice its validator let go (14 Validée, or 16 when an unanswered
 * validation is deemed validated) or its MOA let go (22 Prise en compte MOA, or 24 past the MOA's delay), to the recipient and service routing decided at integration, then moves it
 * → 02 En cours d'acheminement → 03 Mise à disposition. Exactly once like any delivery: the file's name is fixed
 * by the invoice, it is published through the journal, and the statuses change in the same transaction.
 */
public class ValidatedForwarding {

    private final JdbcTemplate jdbc;
    private final InvoiceLedger ledger;
    private final InvoiceDelivery delivery;
    private final Clock clock;

    public ValidatedForwarding(JdbcTemplate jdbc, InvoiceLedger ledger, InvoiceDelivery delivery, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.delivery = delivery;
        this.clock = clock;
    }

    private record LetGo(String invoiceId, String flowId, int rank, String entryName, String buyer, String service,
                         InvoiceStatus status) {
    }

    /** Forwards up to {@code limit} invoices, in the caller's transaction; returns how many. */
    public int forwardNext(int limit) throws IOException {
        List<LetGo> letGo = jdbc.query("""
                SELECT i.invoice_id, i.flow_id, i.doc_rank, d.entry_name, c.buyer_siret, c.buyer_service, i.status
                FROM invoice i
                JOIN invoice_circuit c ON c.invoice_id = i.invoice_id
                JOIN flow_document d ON d.flow_id = i.flow_id AND d.doc_rank = i.doc_rank
                WHERE i.status IN (?, ?, ?, ?) ORDER BY i.invoice_id FETCH FIRST ? ROWS ONLY""",
                (rs, n) -> new LetGo(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), InvoiceStatus.ofCode(rs.getString(7))),
                InvoiceStatus.VALIDEE.code(), InvoiceStatus.ABSENCE_VALIDATION_HORS_DELAI.code(),
                InvoiceStatus.PRISE_EN_COMPTE_MOA.code(), InvoiceStatus.ABSENCE_PRISE_EN_COMPTE_MOA_DELAI.code(), limit);
        Instant now = clock.instant();
        List<Change> toRouting = new ArrayList<>(letGo.size());
        List<Change> delivered = new ArrayList<>(letGo.size());
        List<Object[]> where = new ArrayList<>(letGo.size());
        for (LetGo invoice : letGo) {
            Path file = delivery.deliver(invoice.invoiceId(), invoice.flowId(), invoice.rank(), invoice.buyer(),
                    invoice.entryName());
            toRouting.add(new Change(invoice.invoiceId(), invoice.status(), InvoiceStatus.EN_COURS_ACHEMINEMENT,
                    Actor.PLATFORM, null, "Acheminement en cours après le circuit", now));
            delivered.add(new Change(invoice.invoiceId(), InvoiceStatus.EN_COURS_ACHEMINEMENT,
                    InvoiceStatus.MISE_A_DISPOSITION, Actor.PLATFORM, null, "Mise à disposition de " + invoice.buyer()
                    + " : " + file.getFileName(), now));
            where.add(new Object[] {invoice.buyer(), invoice.service(), file.toString(), invoice.invoiceId()});
        }
        if (!letGo.isEmpty()) {
            ledger.changeAll(toRouting);
            ledger.changeAll(delivered);
            jdbc.batchUpdate("UPDATE invoice SET recipient_siret = ?, routed_service = ?, delivery_path = ?"
                    + " WHERE invoice_id = ?", where);
        }
        return letGo.size();
    }
}
