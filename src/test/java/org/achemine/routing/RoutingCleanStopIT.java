package org.achemine.routing;

import static org.achemine.testing.StoppableEngine.acceptedInvoicesWaiting;
import static org.achemine.testing.StoppableEngine.count;
import static org.achemine.testing.StoppableEngine.files;
import static org.achemine.testing.StoppableEngine.lastStatus;
import static org.achemine.testing.StoppableEngine.runJob;
import static org.achemine.testing.StoppableEngine.start;
import static org.achemine.testing.StoppableEngine.temporaryFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.achemine.testing.AcceptedFlows;
import org.achemine.testing.EngineProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Issue 16's clean stop: the engine is stopped (its context closed, as SIGTERM does) while its routing launcher
 * is in the middle of a long run (and {@code job run routing} gets SIGTERM during its run). The run ends between two chunks, STOPPED, leaving no temporary file in any
 * {@code out/}; the next start routes the rest, and every invoice ends delivered exactly once with one history
 * 01, 02, 03 and every flow one integration report. Real engine, H2 file, real mailboxes.
 */
class RoutingCleanStopIT {

    private static final int FLOWS = 40;
    private static final int PER_FLOW = 50;
    private static final int INVOICES = FLOWS * PER_FLOW;
    private static final String BELLERIVE = "21690012600014";
    /** A ceiling, never a measure. */
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    @TempDir
    Path work;

    @Test
    void stoppedDuringARoutingRunItEndsBetweenChunksAndTheNextStartRoutesTheRestOnce() throws Exception {
        // given many accepted invoices waiting for routing, and the sample directory in service
        Path dataDir = work.resolve("data");
        seed(dataDir);

        // when the engine is stopped once its routing run has committed its first chunks
        ConfigurableApplicationContext engine = start(dataDir, "--achemine.routing.trigger-delay=200ms",
                "--achemine.routing.chunk-size=10");
        JdbcTemplate jdbc = engine.getBean(JdbcTemplate.class);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(5))
                .until(() -> count(jdbc, "SELECT COUNT(*) FROM invoice") > 0);
        engine.close();

        // then the run ended between two chunks, stopped, and left no temporary file
        Path mailboxes = dataDir.resolve("mailboxes");
        assertThat(temporaryFiles(mailboxes)).isEmpty();
        long routedAtStop;
        try (ConfigurableApplicationContext reader = start(dataDir, "--achemine.intake.enabled=false")) {
            JdbcTemplate db = reader.getBean(JdbcTemplate.class);
            routedAtStop = count(db, "SELECT COUNT(*) FROM invoice");
            assertThat(routedAtStop).as("invoices routed when the run stopped").isLessThan(INVOICES);
            assertThat(routedAtStop % 10).as("whole chunks only").isZero();
            assertThat(lastStatus(db, "routing")).isEqualTo("STOPPED");
            assertThat(count(db, "SELECT COUNT(*) FROM publication WHERE state = 'PENDING'")).isZero();
        }

        // and the next start routes the rest: every invoice delivered once, every flow reported once
        try (ConfigurableApplicationContext again = start(dataDir, "--achemine.routing.trigger-delay=200ms")) {
            JdbcTemplate db = again.getBean(JdbcTemplate.class);
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> count(db,
                    "SELECT COUNT(*) FROM flow WHERE integration_reported_at IS NOT NULL") == FLOWS);
            assertThat(count(db, "SELECT COUNT(*) FROM invoice WHERE status = '03'")).isEqualTo(INVOICES);
            assertThat(count(db, "SELECT COUNT(*) FROM integration_refusal")).isZero();
            Map<String, String> histories = new HashMap<>();
            db.query("SELECT invoice_id, status FROM invoice_status_history ORDER BY invoice_id, seq",
                    (RowCallbackHandler) rs -> histories.merge(rs.getString(1),
                            rs.getString(2), (before, next) -> before + "," + next));
            assertThat(histories).hasSize(INVOICES).allSatisfy((invoice, history) -> assertThat(history).isEqualTo("01,02,03"));
            List<String> paths = db.queryForList("SELECT delivery_path FROM invoice", String.class);
            assertThat(paths).doesNotHaveDuplicates().allSatisfy(path -> assertThat(Path.of(path)).exists());
            assertThat(count(db, "SELECT COUNT(*) FROM publication WHERE kind = 'DELIVERY'")).isEqualTo(INVOICES);
            assertThat(count(db, "SELECT COUNT(*) FROM publication WHERE state = 'PENDING'")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM publication WHERE kind = 'INTEGRATION_CPPSTATUT'")).isEqualTo(FLOWS);
        }
        assertThat(files(mailboxes.resolve("COL001/out"), ".xml")).hasSize(INVOICES);
        assertThat(temporaryFiles(mailboxes)).isEmpty();
    }

    @Test
    void aJobRunRoutingCommandStoppedBySigtermEndsBetweenChunksAndTheNextRunRoutesTheRestOnce() throws Exception {
        // given many accepted invoices waiting for routing, and the sample directory in service
        Path dataDir = work.resolve("data");
        seed(dataDir);

        // when `job run routing` gets SIGTERM once its first deliveries are out
        Path delivered = dataDir.resolve("mailboxes/COL001/out");
        Path log = work.resolve("job-run-routing.log");
        Process command = EngineProcess.start(log, "job", "run", "routing", "--achemine.data-dir=" + dataDir,
                "--achemine.routing.chunk-size=10");
        try {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(5))
                    .until(() -> Files.isDirectory(delivered) && !files(delivered, ".xml").isEmpty());
            command.destroy();
            assertThat(command.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } finally {
            command.destroyForcibly();
        }

        // then the run ended between two chunks, STOPPED, without an interrupt closing the database
        String output = Files.readString(log);
        assertThat(output).contains("Engine stopping").doesNotContain("The database has been closed",
                "ClosedByInterruptException");
        assertThat(temporaryFiles(dataDir.resolve("mailboxes"))).isEmpty();
        try (ConfigurableApplicationContext again = start(dataDir, "--achemine.intake.enabled=false")) {
            JdbcTemplate db = again.getBean(JdbcTemplate.class);
            long routedAtStop = count(db, "SELECT COUNT(*) FROM invoice");
            assertThat(routedAtStop).as("invoices routed when the run stopped").isLessThan(INVOICES);
            assertThat(routedAtStop % 10).as("whole chunks only").isZero();
            assertThat(lastStatus(db, "routing")).isEqualTo("STOPPED");
            assertThat(count(db, "SELECT COUNT(*) FROM publication WHERE state = 'PENDING'")).isZero();

            // and the next run routes the rest: every invoice delivered once
            runJob(again, "routingJob", "again");
            assertThat(count(db, "SELECT COUNT(*) FROM invoice WHERE status = '03'")).isEqualTo(INVOICES);
            assertThat(count(db, "SELECT COUNT(*) FROM invoice_status_history")).isEqualTo(3L * INVOICES);
            assertThat(count(db, "SELECT COUNT(*) FROM publication WHERE kind = 'DELIVERY'")).isEqualTo(INVOICES);
        }
        assertThat(files(delivered, ".xml")).hasSize(INVOICES);
        assertThat(temporaryFiles(dataDir.resolve("mailboxes"))).isEmpty();
    }

    private static void seed(Path dataDir) throws Exception {
        try (ConfigurableApplicationContext setUp = start(dataDir, "--achemine.intake.enabled=false")) {
            acceptedInvoicesWaiting(setUp, dataDir, INVOICES, PER_FLOW, n -> new AcceptedFlows.Document(
                    String.format("F-STOP-%05d", n), BELLERIVE, "SCE-TECH-042", null, n % 4 == 3));
        }
    }
}
