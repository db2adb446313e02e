package org.achemine.circuit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.achemine.lifecycle.Actor;
import org.achemine.lifecycle.InvoiceLedger;
import org.achemine.lifecycle.InvoiceLedger.Change;
import org.achemine.lifecycle.InvoiceStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records the silence of a works invoice's MOE or MOA past its delay, on the platform clock (every routing run, so
 * the nightly run too): 17 À valider MOE → 23, which {@link MoaTransmission} then transmits to the MOA (the
 * supplier's document goes on, as the MOE's silence does not stop a works contract's payment); 20 Transmise MOA →
 * 24, which {@link ValidatedForwarding} delivers to the recipient. A later answer is refused as a forbidden
 * transition: the platform's record of time decides, never the answer's declared date.
 */
public class WorksDeadlines {

    private final JdbcTemplate jdbc;
    private final InvoiceLedger ledger;
    private final Clock clock;

    public WorksDeadlines(JdbcTemplate jdbc, InvoiceLedger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.clock = clock;
    }

    private record Overdue(String invoiceId, InvoiceStatus status, String party, OffsetDateTime due) {
    }

    /** Closes up to {@code limit} overdue holds of the works cycle, in the caller's transaction; returns how many. */
    public int closeNext(int limit) {
        Instant now = clock.instant();
        List<Overdue> overdue = jdbc.query("""
                SELECT c.invoice_id, i.status, c.party_siret, c.due_at FROM invoice_circuit c
                JOIN invoice i ON i.invoice_id = c.invoice_id
                WHERE i.status IN (?, ?) AND c.due_at <= ? ORDER BY c.due_at, c.invoice_id FETCH FIRST ? ROWS ONLY""",
                (rs, n) -> new Overdue(rs.getString(1), InvoiceStatus.ofCode(rs.getString(2)), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class)),
                InvoiceStatus.A_VALIDER_MOE.code(), InvoiceStatus.TRANSMISE_MOA.code(), now.atOffset(ZoneOffset.UTC),
                limit);
        ledger.changeAll(overdue.stream().map(o -> o.status() == InvoiceStatus.A_VALIDER_MOE
                ? new Change(o.invoiceId(), o.status(), InvoiceStatus.ABSENCE_VALIDATION_MOE_DELAI, Actor.PLATFORM,
                        null, "Pas de réponse du maître d'œuvre " + o.party() + " avant le " + o.due().toInstant()
                        + " : facture transmise au maître d'ouvrage", now)
                : new Change(o.invoiceId(), o.status(), InvoiceStatus.ABSENCE_PRISE_EN_COMPTE_MOA_DELAI,
                        Actor.PLATFORM, null, "Pas de réponse du maître d'ouvrage " + o.party() + " avant le "
                        + o.due().toInstant() + " : facture transmise au destinataire", now)).toList());
        return overdue.size();
    }
}
