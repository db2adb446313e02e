package org.achemine.lifecycle.report;

import static org.achemine.testing.StoppableEngine.acceptedInvoicesWaiting;
import static org.achemine.testing.StoppableEngine.count;
import static org.achemine.testing.StoppableEngine.lastStatus;
import static org.achemine.testing.StoppableEngine.runJob;
import static org.achemine.testing.StoppableEngine.start;
import static org.achemine.testing.StoppableEngine.temporaryFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.achemine.testing.AcceptedFlows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 16's clean stop of the lifecycle-report job: the engine is stopped (its context closed, as SIGTERM does)
 * while the job writes a long report from its poller's thread. The run drops the report it was writing and ends
 * STOPPED before the context goes on closing: no temporary file in the supplier's {@code out/}, no interrupt
 * closing H2 under the other threads; the next start reports every change exactly once. Real engine, H2 file,
 * real mailboxes.
 */
@ExtendWith(OutputCaptureExtension.class)
class LifecycleReportCleanStopIT {

    private static final int INVOICES = 3_000;
    private static final String BELLERIVE = "21690012600014";
    /** A ceiling, never a measure. */
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    @TempDir
    Path work;

    @Test
    void stoppedWhileWritingALifecycleReportItDropsItAndTheNextStartReportsEveryChangeOnce(CapturedOutput output)
            throws Exception {
        // given thousands of status changes not yet reported (routing delivered the invoices: 01, 02, 03 each)
        Path dataDir = work.resolve("data");
        try (ConfigurableApplicationContext setUp = start(dataDir, "--achemine.intake.enabled=false")) {
            acceptedInvoicesWaiting(setUp, dataDir, INVOICES, 500, n -> new AcceptedFlows.Document(
                    String.format("F-LSTOP-%05d", n), BELLERIVE, "SCE-TECH-042", null, false));
            runJob(setUp, "routingJob", "set-up");
            assertThat(count(setUp.getBean(JdbcTemplate.class), "SELECT COUNT(*) FROM invoice_status_history")).isEqualTo(3L * INVOICES);
        }

        // when the engine is stopped while its lifecycle-report run writes the supplier's report
        Path outbox = dataDir.resolve("mailboxes/FOU001/out");
        ConfigurableApplicationContext engine = start(dataDir, "--achemine.lifecycle.trigger-delay=100ms");
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(2)).until(() -> !temporaryFiles(outbox).isEmpty());
        engine.close();

        // then the run ended STOPPED, dropped its report, and nothing closed the database under the others
        assertThat(temporaryFiles(dataDir.resolve("mailboxes"))).isEmpty();
        assertThat(output.getAll()).doesNotContain("The database has been closed", "ClosedByInterruptException");
        try (ConfigurableApplicationContext reader = start(dataDir, "--achemine.intake.enabled=false")) {
            JdbcTemplate db = reader.getBean(JdbcTemplate.class);
            assertThat(lastStatus(db, "lifecycle-report")).isEqualTo("STOPPED");
            assertThat(count(db, "SELECT COUNT(*) FROM invoice_status_history WHERE lifecycle_report_id IS NOT NULL"))
                    .as("changes marked reported when the run stopped")
                    .isEqualTo(count(db, "SELECT COALESCE(SUM(changes), 0) FROM lifecycle_report"));
        }

        // and the next start reports every change exactly once
        try (ConfigurableApplicationContext again = start(dataDir, "--achemine.lifecycle.trigger-delay=100ms")) {
            JdbcTemplate db = again.getBean(JdbcTemplate.class);
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> count(db,
                    "SELECT COUNT(*) FROM invoice_status_history WHERE lifecycle_report_id IS NULL") == 0
                    && count(db, "SELECT COUNT(*) FROM lifecycle_report WHERE stage <> 'WRITTEN'") == 0);
            assertThat(count(db, "SELECT SUM(changes) FROM lifecycle_report")).isEqualTo(3L * INVOICES);
            List<String> files = db.queryForList("SELECT file_path FROM lifecycle_report", String.class);
            assertThat(files).isNotEmpty().allSatisfy(file -> assertThat(Path.of(file)).exists());
            assertThat(count(db, "SELECT COUNT(*) FROM publication WHERE state = 'PENDING'")).isZero();
        }
        assertThat(temporaryFiles(dataDir.resolve("mailboxes"))).isEmpty();
    }
}
