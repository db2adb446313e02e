package org.achemine.circuit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.achemine.circuit.CircuitProperties.TimeoutOutcome;
import org.achemine.lifecycle.Actor;
import org.achemine.lifecycle.InvoiceLedger;
import org.achemine.lifecycle.InvoiceLedger.Change;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.lifecycle.StatusReason;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Closes the validations left unanswered past their deadline, on the platform clock (every routing run, so the
 * nightly run too): 13 À valider → 16 Absence de validation hors délai, then the configured outcome — deemed
 * validated (forwarded by {@link ValidatedForwarding}), or refused by the platform (16 → 15, reason
 * {@link StatusReason#VALIDATION_HORS_DELAI}). A validator's answer that comes later is refused as a forbidden
 * transition: the platform's record of time decides, never the answer's declared date.
 */
public class OverdueValidations {

    private final JdbcTemplate jdbc;
    private final InvoiceLedger ledger;
    private final Clock clock;
    private final TimeoutOutcome outcome;

    public OverdueValidations(JdbcTemplate jdbc, InvoiceLedger ledger, Clock clock, TimeoutOutcome outcome) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.clock = clock;
        this.outcome = outcome;
    }

    private record Overdue(String invoiceId, String party, OffsetDateTime due) {
    }

    /** Closes up to {@code limit} overdue validations, in the caller's transaction; returns how many. */
    public int closeNext(int limit) {
        Instant now = clock.instant();
        List<Overdue> overdue = jdbc.query("""
                SELECT c.invoice_id, c.party_siret, c.due_at FROM invoice_circuit c
                JOIN invoice i ON i.invoice_id = c.invoice_id
                WHERE i.status = ? AND c.due_at <= ? ORDER BY c.due_at, c.invoice_id FETCH FIRST ? ROWS ONLY""",
                (rs, n) -> new Overdue(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)),
                InvoiceStatus.A_VALIDER.code(), now.atOffset(ZoneOffset.UTC), limit);
        if (overdue.isEmpty()) {
            return 0;
        }
        ledger.changeAll(overdue.stream().map(o -> new Change(o.invoiceId(), InvoiceStatus.A_VALIDER,
                InvoiceStatus.ABSENCE_VALIDATION_HORS_DELAI, Actor.PLATFORM, null, "Pas de réponse du valideur "
                + o.party() + " avant le " + o.due().toInstant() + (outcome == TimeoutOutcome.DEEMED_VALIDATED
                        ? " : facture réputée validée, transmise au destinataire" : ""), now)).toList());
        if (outcome == TimeoutOutcome.REFUSED) {
            ledger.changeAll(overdue.stream().map(o -> new Change(o.invoiceId(),
                    InvoiceStatus.ABSENCE_VALIDATION_HORS_DELAI, InvoiceStatus.REFUSEE, Actor.PLATFORM,
                    StatusReason.VALIDATION_HORS_DELAI.name(), StatusReason.VALIDATION_HORS_DELAI.label(), now))
                    .toList());
        }
        return overdue.size();
    }
}
