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
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.achemine.batch.CleanStop;
import org.achemine.batch.JobLauncherThread;
import org.achemine.lifecycle.Actor;
import org.achemine.lifecycle.InvoiceLedger;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.lifecycle.StatusReason;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
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
 * while the job writes a long report on its launcher thread. The run drops the report it was writing and ends
 * STOPPED before the context goes on closing: no temporary file in the supplier's {@code out/}, no interrupt
 * closing H2 under the other threads; the next start reports every change exactly once. A run launched just after
 * the stop was told ends STOPPED before its first step. Real engine, H2 file, real mailboxes.
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
    @Test
    void aRunLaunchedJustAfterTheStopWasToldEndsStoppedOnItsLauncherThreadAndTheNextStartReportsItsWork(
            CapturedOutput output) throws Exception {
        // given invoices routed, delivered and reported (the engine's first run, at its start)
        Path dataDir = work.resolve("data");
        try (ConfigurableApplicationContext setUp = start(dataDir, "--achemine.intake.enabled=false")) {
            acceptedInvoicesWaiting(setUp, dataDir, 200, 50, n -> new AcceptedFlows.Document(
                    String.format("F-LLATE-%05d", n), BELLERIVE, "SCE-TECH-042", null, false));
            runJob(setUp, "routingJob", "set-up");
        }
        ConfigurableApplicationContext engine = start(dataDir, "--achemine.lifecycle.trigger-delay=1h");
        JdbcTemplate jdbc = engine.getBean(JdbcTemplate.class);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> count(jdbc,
                "SELECT COUNT(*) FROM invoice_status_history WHERE lifecycle_report_id IS NULL") == 0);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> "COMPLETED".equals(lastStatus(jdbc, LifecycleReportJobConfiguration.JOB_NAME)));
        // and new changes to report: the recipient suspends ten invoices
        InvoiceLedger ledger = engine.getBean(InvoiceLedger.class);
        Clock platformClock = engine.getBean(Clock.class);
        List<String> suspended = jdbc.queryForList("SELECT invoice_id FROM invoice ORDER BY invoice_id"
                + " FETCH FIRST 10 ROWS ONLY", String.class);
        suspended.forEach(invoice -> ledger.change(invoice, InvoiceStatus.SUSPENDUE, Actor.RECIPIENT,
                StatusReason.JUSTIFICATIF_ABSENT.name(), "Joindre le bon de livraison", platformClock.instant()));

        // when the trigger's launch reaches the launcher thread just after the stop was told (a poll that asked
        // as the engine began to stop), and the engine stops
        CleanStop stop = engine.getBean(CleanStop.class);
        JobLauncherThread launcher = engine.getBean("lifecycleReportLauncherThread", JobLauncherThread.class);
        Job job = engine.getBean("lifecycleReportJob", Job.class);
        JobOperator jobOperator = engine.getBean(JobOperator.class);
        CompletableFuture<JobExecution> late = new CompletableFuture<>();
        launcher.execute(() -> {
            try {
                assertThat(stop.awaitRequested(PATIENCE)).isTrue();
                late.complete(jobOperator.start(job, new JobParametersBuilder().addString("run", "late")
                        .toJobParameters()));
            } catch (Throwable failed) {
                late.completeExceptionally(failed);
            }
        });
        engine.close();

        // then the close waited for that run, which ended STOPPED before its first step: nothing interrupted it
        assertThat(late).isCompleted();
        assertThat(late.get().getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(late.get().getStepExecutions()).isEmpty();
        assertThat(output.getAll()).contains("launched now ends STOPPED")
                .doesNotContain("The database has been closed", "ClosedByInterruptException", "unknown state");
        assertThat(temporaryFiles(dataDir.resolve("mailboxes"))).isEmpty();
        // and the H2 file opens cleanly, the run STOPPED, its work still waiting
        try (ConfigurableApplicationContext reader = start(dataDir, "--achemine.intake.enabled=false")) {
            JdbcTemplate db = reader.getBean(JdbcTemplate.class);
            assertThat(lastStatus(db, LifecycleReportJobConfiguration.JOB_NAME)).isEqualTo("STOPPED");
            assertThat(count(db, "SELECT COUNT(*) FROM invoice_status_history WHERE lifecycle_report_id IS NULL"))
                    .isEqualTo(suspended.size());
        }

        // and the next start reports it, each change once
        try (ConfigurableApplicationContext again = start(dataDir, "--achemine.lifecycle.trigger-delay=100ms")) {
            JdbcTemplate db = again.getBean(JdbcTemplate.class);
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> count(db,
                    "SELECT COUNT(*) FROM invoice_status_history WHERE lifecycle_report_id IS NULL") == 0
                    && count(db, "SELECT COUNT(*) FROM lifecycle_report WHERE stage <> 'WRITTEN'") == 0);
            assertThat(count(db, "SELECT SUM(changes) FROM lifecycle_report"))
                    .isEqualTo(count(db, "SELECT COUNT(*) FROM invoice_status_history"))
                    .isEqualTo(3L * 200 + suspended.size());
        }
    }
}
