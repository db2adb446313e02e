package org.achemine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.achemine.lifecycle.InvoiceLedger.Change;
import org.achemine.lifecycle.InvoiceLedger.MovedOn;
import org.achemine.lifecycle.InvoiceLedger.NewInvoice;
import org.achemine.testing.MigratedDatabase;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * H2 hands change numbers out of a cache of 10,000 (V225: persisting the sequence every 32 numbers cost routing a
 * whole store each time). The numbers must still follow the order the changes were written in, across more than a
 * cache's worth, and a crash must never hand a number out twice: it may only skip the ones cached. Real H2 file,
 * the engine's migrations and its URL's settings; the crash is H2's {@code SHUTDOWN IMMEDIATELY} (files closed
 * without writing what is cached).
 */
class StatusChangeNumbersTest {

    private static final Instant AT = Instant.parse("2026-11-02T09:00:00.123Z");

    @TempDir
    Path dataDir;

    @Test
    void theSequenceCachesTenThousandNumbersOnH2() {
        JdbcTemplate jdbc = new JdbcTemplate(MigratedDatabase.in(dataDir));

        assertThat(jdbc.queryForObject("SELECT CACHE FROM INFORMATION_SCHEMA.SEQUENCES"
                + " WHERE SEQUENCE_NAME = 'STATUS_CHANGE_SEQUENCE'", Long.class)).isEqualTo(10_000L);
    }

    @Test
    void numbersFollowTheWritingOrderAndACrashNeverHandsOneOutTwice() {
        MigratedDatabase.in(dataDir);
        JdbcTemplate jdbc = new JdbcTemplate(engineDataSource());
        InvoiceLedger ledger = new InvoiceLedger(jdbc);

        // given 1,500 changes (01, 02, 03 of 500 invoices) written in five chunks, more than a cache holds
        for (int chunk = 0; chunk < 5; chunk++) {
            ledger.integrateMovedOn(routed("A", chunk * 100, 100), AT);
        }
        List<Long> before = numbersInWritingOrder(jdbc);
        assertThat(before).hasSize(1500).isSorted().doesNotHaveDuplicates();

        // when the database stops without a clean close, then changes are written again
        jdbc.execute("SHUTDOWN IMMEDIATELY");
        JdbcTemplate reopened = new JdbcTemplate(engineDataSource());
        new InvoiceLedger(reopened).integrateMovedOn(routed("B", 0, 100), AT);

        // then the first 1,500 are all there, and every new number comes after them, at most a cache's worth later
        List<Long> after = numbersInWritingOrder(reopened);
        assertThat(after).hasSize(1800).isSorted().doesNotHaveDuplicates().startsWith(before.toArray(Long[]::new));
        long last = before.get(before.size() - 1);
        assertThat(after.get(1500)).isGreaterThan(last).isLessThanOrEqualTo(last + 1 + 10_000);
    }

    /** The engine's own H2 URL (application.yml): each commit written at once. */
    private JdbcDataSource engineDataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dataDir.resolve("db/achemine") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        return dataSource;
    }

    /**
     * The numbers in the order the changes were written: chunk by chunk (prefix, then hundreds), and in a chunk every
     * 01, then every 02, then every 03 ({@link InvoiceLedger#integrateMovedOn} writes them step by step).
     */
    private static List<Long> numbersInWritingOrder(JdbcTemplate jdbc) {
        record Numbered(String invoiceId, int seq, long changeNo) {
            String writingOrder() {
                return invoiceId.substring(0, 4) + "/" + seq + "/" + invoiceId;
            }
        }
        return jdbc.query("SELECT invoice_id, seq, change_no FROM invoice_status_history",
                        (rs, n) -> new Numbered(rs.getString(1), rs.getInt(2), rs.getLong(3))).stream()
                .sorted(Comparator.comparing(Numbered::writingOrder)).map(Numbered::changeNo).toList();
    }

    /**
     * Invoices routed in one chunk, 01 then 02 and 03 each; ids {@code <prefix><5 digits>}, so the first four
     * characters name the chunk when chunks are hundreds.
     */
    private static List<MovedOn> routed(String prefix, int from, int count) {
        List<MovedOn> invoices = new ArrayList<>();
        for (int n = from; n < from + count; n++) {
            String id = String.format("%s%05d", prefix, n);
            invoices.add(new MovedOn(new NewInvoice(id, "ACH0011190000" + id, 1, "73282932000074", "FA-" + id, 2026,
                    "21690012600014", null, null), List.of(
                    new Change(id, InvoiceStatus.DEPOSEE, InvoiceStatus.EN_COURS_ACHEMINEMENT, Actor.PLATFORM, null,
                            "Acheminement en cours", AT),
                    new Change(id, InvoiceStatus.EN_COURS_ACHEMINEMENT, InvoiceStatus.MISE_A_DISPOSITION, Actor.PLATFORM,
                            null, "Mise à disposition", AT)), "21690012600014", null, "/out/" + id + ".xml"));
        }
        return invoices;
    }
}
