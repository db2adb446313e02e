package org.achemine.circuit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.achemine.circuit.CircuitProperties.TimeoutOutcome;
import org.achemine.lifecycle.Actor;
import org.achemine.lifecycle.InvoiceLedger;
import org.achemine.lifecycle.InvoiceLedger.Change;
import org.achemine.lifecycle.InvoiceLedger.MovedOn;
import org.achemine.lifecycle.InvoiceLedger.NewInvoice;
import org.achemine.lifecycle.InvoiceLedger.StatusChange;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.lifecycle.StatusReason;
import org.achemine.testing.MigratedDatabase;
import org.achemine.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A validation left unanswered is closed on the platform clock, never before its deadline, with the configured
 * outcome: deemed validated (16, then forwarded) or refused by the platform (16 → 15 with its reason). Real H2
 * file with the engine's migrations; a clock moved by hand.
 */
class OverdueValidationsTest {

    private static final Instant HELD_AT = Instant.parse("2026-11-02T09:00:00Z");
    private static final Duration DELAY = Duration.ofDays(15);

    @TempDir
    Path dataDir;

    private JdbcTemplate jdbc;
    private InvoiceLedger ledger;
    private MutableClock clock;

    @BeforeEach
    void heldInvoice() {
        jdbc = new JdbcTemplate(MigratedDatabase.in(dataDir));
        ledger = new InvoiceLedger(jdbc);
        clock = new MutableClock(HELD_AT);
        // an A9 invoice held for its validator since HELD_AT, due 15 days later
        ledger.integrateMovedOn(List.of(new MovedOn(new NewInvoice("INV-1", "ACH0011190000000000000001", 1,
                "73282932000074", "ST-1", 2026, "21690012600014", "SCE-TECH-042", null),
                List.of(new Change("INV-1", InvoiceStatus.DEPOSEE, InvoiceStatus.A_VALIDER, Actor.PLATFORM, null,
                        "À valider", HELD_AT)), "44306184100047", null, "/out/TIT001/INV-1_a9.xml")), HELD_AT);
        jdbc.update("INSERT INTO invoice_circuit (invoice_id, circuit_role, party_siret, due_at, buyer_siret, buyer_service)"
                + " VALUES ('INV-1', 'VALIDATOR', '44306184100047', ?, '21690012600014', 'SCE-TECH-042')",
                HELD_AT.plus(DELAY).atOffset(ZoneOffset.UTC));
    }

    @Test
    void nothingIsClosedBeforeTheDeadline() {
        clock.advance(DELAY.minusMinutes(1));

        assertThat(new OverdueValidations(jdbc, ledger, clock, TimeoutOutcome.DEEMED_VALIDATED).closeNext(10)).isZero();
        assertThat(ledger.status("INV-1")).contains(InvoiceStatus.A_VALIDER);
    }

    @Test
    void pastTheDeadlineItIsDeemedValidatedAndLeftForForwarding() {
        clock.advance(DELAY);

        assertThat(new OverdueValidations(jdbc, ledger, clock, TimeoutOutcome.DEEMED_VALIDATED).closeNext(10)).isOne();

        List<StatusChange> history = ledger.history("INV-1");
        assertThat(history).extracting(StatusChange::status).containsExactly(InvoiceStatus.DEPOSEE,
                InvoiceStatus.A_VALIDER, InvoiceStatus.ABSENCE_VALIDATION_HORS_DELAI);
        assertThat(history.get(2).actor()).isEqualTo(Actor.PLATFORM);
        assertThat(history.get(2).at()).isEqualTo(HELD_AT.plus(DELAY));
        assertThat(history.get(2).message()).contains("44306184100047").contains("réputée validée");
    }

    @Test
    void pastTheDeadlineItIsRefusedWithItsReasonWhenSoConfigured() {
        clock.advance(DELAY.plusDays(3));

        assertThat(new OverdueValidations(jdbc, ledger, clock, TimeoutOutcome.REFUSED).closeNext(10)).isOne();

        List<StatusChange> history = ledger.history("INV-1");
        assertThat(history).extracting(StatusChange::status).containsExactly(InvoiceStatus.DEPOSEE,
                InvoiceStatus.A_VALIDER, InvoiceStatus.ABSENCE_VALIDATION_HORS_DELAI, InvoiceStatus.REFUSEE);
        assertThat(history.get(3).reasonCode()).isEqualTo(StatusReason.VALIDATION_HORS_DELAI.name());
        assertThat(history.get(3).reformCode()).isEqualTo("210");
        // and a second run finds nothing more to close
        assertThat(new OverdueValidations(jdbc, ledger, clock, TimeoutOutcome.REFUSED).closeNext(10)).isZero();
    }
}
