package org.achemine.lifecycle.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.achemine.batch.IntakeYield;
import org.achemine.directory.DirectoryImporter;
import org.achemine.testing.HeldBurst;
import org.achemine.testing.OwnDataFolder;
import org.achemine.testing.SampleDirectory;
import org.achemine.testing.SampleInvoices;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The partner's answer first (ADR 0029) for lifecycle reports, on the running engine, as routing does it
 * ({@code RoutingYieldsToIntakeIT}): while a burst waits at the intake (the operator OPE001's flows held in their
 * deposit queue: its workers' route is suspended), a lifecycle-report run waits for its turn before each report it
 * prepares, and reports once the burst is answered. The job's trigger is left idle ({@code trigger-delay=1h}): the
 * runs are launched here, as {@code job run lifecycle-report} or the nightly run launches them.
 */
@SpringBootTest(properties = {"achemine.directory.watch=false", "achemine.intake.poll-interval=100ms",
        "achemine.intake.read-lock-interval=200ms", "achemine.routing.trigger-delay=300ms",
        "achemine.lifecycle.trigger-delay=1h", "achemine.batch.yield-backlog=5", "achemine.batch.yield-max=1h"})
class LifecycleReportYieldsToIntakeIT extends OwnDataFolder {

    /** achemine.batch.yield-backlog, as set above. */
    private static final int THRESHOLD = 5;
    private static final String BELLERIVE = "21690012600014";

    @Autowired
    DirectoryImporter directoryImporter;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IntakeYield intakeYield;

    @Autowired
    CamelContext camel;

    @Autowired
    JobOperator jobOperator;

    @Autowired
    @Qualifier("lifecycleReportJob")
    Job lifecycleReportJob;

    @Autowired
    LifecycleReports reports;

    private HeldBurst burst;

    @BeforeEach
    void directoryInService() throws Exception {
        SampleDirectory.inService(directoryImporter, jdbc, dataDir);
        burst = new HeldBurst(camel, intakeYield, jdbc, dataDir);
    }

    @Test
    void aRunWaitsForItsTurnWhileABurstIsUnansweredThenReportsOnceItIs() throws Exception {
        // given status changes to report: a supplier's invoice routed and delivered (01, 02, 03)
        delivered("FOU001", "F-LRYIELD-1");
        long unreported = unreported();
        assertThat(unreported).isPositive();

        // and a burst taken at the intake and not answered yet
        burst.hold("a");
        CompletableFuture<JobExecution> run;
        try {
            // when a lifecycle-report run is launched
            run = CompletableFuture.supplyAsync(this::runLifecycleReports);

            // then it waits for its turn: nothing is reported while the burst is unanswered
            await().atMost(Duration.ofSeconds(60)).until(() -> intakeYield.pausedSince()
                    .containsKey(LifecycleReportJobConfiguration.JOB_NAME));
            assertThat(intakeYield.backlog()).isGreaterThan(THRESHOLD);
            assertThat(unreported()).isEqualTo(unreported);
            assertThat(run).isNotDone();
        } finally {
            burst.release();
        }

        // and once the burst is answered, the run reports every change and the pause is over
        assertThat(run.get(90, TimeUnit.SECONDS).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(unreported()).isZero();
        assertThat(intakeYield.pausedSince()).doesNotContainKey(LifecycleReportJobConfiguration.JOB_NAME);
        // (it resumed as soon as the backlog was back at the threshold: the burst's last flows are answered after)
        await().atMost(Duration.ofSeconds(90)).until(() -> burst.answered("a") == HeldBurst.SIZE);
    }

    @Test
    void aRunLooksForItsTurnBeforeEachReportOnceThePreviousOneIsWritten() throws Exception {
        // given two suppliers with changes to report: two reports in one run
        delivered("FOU001", "F-LRYIELD-2");
        delivered("OPE001", "F-LRYIELD-3");
        await().atMost(Duration.ofSeconds(60)).until(() -> burst.runsInProgress() == 0);
        long writtenBefore = written();

        // when a run goes through them, noting at each look how many reports it had written
        List<Long> writtenAtEachLook = new ArrayList<>();
        reports.run(() -> writtenAtEachLook.add(written() - writtenBefore), () -> false);

        // then it looked once before each report, the previous one written (no transaction, no file open then)
        assertThat(writtenAtEachLook).containsExactly(0L, 1L);
        assertThat(written() - writtenBefore).isEqualTo(2);
        assertThat(unreported()).isZero();
    }

    private JobExecution runLifecycleReports() {
        try {
            return jobOperator.start(lifecycleReportJob, new JobParametersBuilder()
                    .addString("run", Instant.now().toString() + System.nanoTime()).toJobParameters());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A supplier's invoice dropped, answered, routed and delivered (status 03). */
    private void delivered(String partner, String invoiceNumber) {
        SampleInvoices.drop(dataDir.resolve("mailboxes").resolve(partner).resolve("in"), invoiceNumber + ".xml",
                SampleInvoices.ubl(invoiceNumber, BELLERIVE, "SCE-TECH-042", null));
        await().atMost(Duration.ofSeconds(90)).until(() -> List.of("03").equals(jdbc.queryForList(
                "SELECT status FROM invoice WHERE invoice_number = ?", String.class, invoiceNumber)));
    }


    private long unreported() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM invoice_status_history WHERE lifecycle_report_id IS NULL",
                Long.class);
    }

    private long written() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM lifecycle_report WHERE stage = 'WRITTEN'", Long.class);
    }


}
