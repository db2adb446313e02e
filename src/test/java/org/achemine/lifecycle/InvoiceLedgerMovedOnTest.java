package org.achemine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.achemine.lifecycle.InvoiceLedger.Change;
import org.achemine.lifecycle.InvoiceLedger.MovedOn;
import org.achemine.lifecycle.InvoiceLedger.NewInvoice;
import org.achemine.testing.MigratedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Routing records a delivered invoice with one insert and its history in one batch
 * ({@link InvoiceLedger#integrateMovedOn}): the rows must be those the three separate steps (01, then 02, then
 * 03) wrote, and the transition table still decides. Real H2 file, the engine's migrations.
 */
class InvoiceLedgerMovedOnTest {

    private static final Instant AT = Instant.parse("2026-11-02T09:00:00.123Z");

    @TempDir
    Path dataDir;

    private JdbcTemplate jdbc;
    private InvoiceLedger ledger;

    @BeforeEach
    void ledger() {
        jdbc = new JdbcTemplate(MigratedDatabase.in(dataDir));
        ledger = new InvoiceLedger(jdbc);
    }

    @Test
    void oneInsertWritesTheRowsTheThreeStepsWrote() {
        // given an invoice recorded step by step: 01, then 02, then 03 and its delivery
        ledger.integrate(List.of(invoice("STEPS")), AT);
        ledger.changeAll(List.of(routing("STEPS")));
        ledger.changeAll(List.of(delivery("STEPS")));
        jdbc.update("UPDATE invoice SET recipient_siret = ?, routed_service = ?, delivery_path = ? WHERE invoice_id = ?",
                "21690012600014", "SCE-TECH-042", "/out/STEPS.xml", "STEPS");

        // when the same invoice is recorded moved on at once
        ledger.integrateMovedOn(List.of(new MovedOn(invoice("ONCE"), List.of(routing("ONCE"), delivery("ONCE")),
                "21690012600014", "SCE-TECH-042", "/out/ONCE.xml")), AT);

        // then its row and its history are the same, its status 03
        assertThat(row("ONCE")).isEqualTo(row("STEPS").replace("STEPS", "ONCE"));
        assertThat(row("ONCE")).contains("STATUS=03");
        assertThat(history("ONCE")).isEqualTo(history("STEPS").stream().map(h -> h.replace("STEPS", "ONCE")).toList())
                .hasSize(3);
    }

    @Test
    void changesThatDoNotChainFromDeposeeAreRefusedAndNothingIsWritten() {
        // when routing claims 03 straight from 01 (no 02), or a change that does not start where the last ended
        MovedOn skipping = new MovedOn(invoice("SKIP"), List.of(new Change("SKIP", InvoiceStatus.DEPOSEE,
                InvoiceStatus.MISE_A_DISPOSITION, Actor.PLATFORM, null, "Mise à disposition", AT)), null, null, null);
        MovedOn unchained = new MovedOn(invoice("GAP"), List.of(delivery("GAP")), null, null, null);

        // then each is refused, and no invoice or history row stands
        MovedOn fine = new MovedOn(invoice("FINE"), List.of(routing("FINE")), null, null, null);
        assertThatThrownBy(() -> ledger.integrateMovedOn(List.of(fine, skipping), AT))
                .isInstanceOf(ForbiddenTransitionException.class);
        assertThatThrownBy(() -> ledger.integrateMovedOn(List.of(unchained), AT))
                .isInstanceOf(ForbiddenTransitionException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice_status_history", Integer.class)).isZero();
    }

    /** Each invoice its own flow, so the rows differ only by the id. */
    private static NewInvoice invoice(String id) {
        return new NewInvoice(id, "ACH001119000000000" + id, 1, "73282932000074", "FA-" + id, 2026,
                "21690012600014", "SCE-TECH-042", "EJ-1");
    }

    private static Change routing(String id) {
        return new Change(id, InvoiceStatus.DEPOSEE, InvoiceStatus.EN_COURS_ACHEMINEMENT, Actor.PLATFORM, null,
                "Acheminement en cours", AT);
    }

    private static Change delivery(String id) {
        return new Change(id, InvoiceStatus.EN_COURS_ACHEMINEMENT, InvoiceStatus.MISE_A_DISPOSITION, Actor.PLATFORM,
                null, "Mise à disposition de 21690012600014 : " + id + ".xml", AT);
    }

    private String row(String id) {
        return jdbc.queryForMap("SELECT * FROM invoice WHERE invoice_id = ?", id).toString();
    }

    private List<String> history(String id) {
        return jdbc.queryForList("SELECT seq || ' ' || status || ' ' || reform_code || ' ' || actor || ' '"
                + " || COALESCE(reason_code, '-') || ' ' || message || ' ' || changed_at || ' '"
                + " || COALESCE(CAST(declared_at AS VARCHAR), '-') FROM invoice_status_history WHERE invoice_id = ?"
                + " ORDER BY seq", String.class, id);
    }
}
