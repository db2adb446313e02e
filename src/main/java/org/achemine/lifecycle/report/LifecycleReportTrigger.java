package org.achemine.lifecycle.report;

import java.time.Clock;
import org.achemine.batch.IntakeYield;
import org.achemine.batch.RunRequest;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.launch.JobLaunchRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Decides when the lifecycle-report job runs: when status changes wait to be reported (or a report was left
 * READY by a crash), and no run of it, nor of a job that writes status changes in bulk (routing, the nightly
 * run), is in progress: their changes then go out in one report per supplier once they end. Read from the
 * database, so nothing is lost with an in-memory event.
 */
public class LifecycleReportTrigger {

    /** Jobs whose runs write many changes: reporting waits for them to end. */
    static final List<String> BULK_WRITERS = List.of("routing", "nightly");

    private final JdbcTemplate jdbc;
    private final JobRepository jobRepository;
    private final Job lifecycleReportJob;
    private final Clock clock;
    private final IntakeYield intakeYield;
    private final BooleanSupplier launcherBusy;

    /**
     * @param intakeYield  no run starts while lifecycle reporting yields to a burst at the intake (ADR 0029)
     * @param launcherBusy whether the launcher thread runs the job or has a request waiting: no other is asked
     */
    public LifecycleReportTrigger(JdbcTemplate jdbc, JobRepository jobRepository, Job lifecycleReportJob, Clock clock,
                                  IntakeYield intakeYield, BooleanSupplier launcherBusy) {
        this.launcherBusy = launcherBusy;
        this.clock = clock;
        this.intakeYield = intakeYield;
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
        this.lifecycleReportJob = lifecycleReportJob;
    }

    /**
     * A launch request when there is work, nothing in progress and no burst at the intake to yield to; null
     * otherwise (no message).
     */
    public JobLaunchRequest launchIfWaiting() {
        // the yield asked before the database (a look in memory): during a burst the database is left to the intake
        if (launcherBusy.getAsBoolean() || intakeYield.yields(lifecycleReportJob.getName()) || !hasWork()
                || running(lifecycleReportJob.getName()) || BULK_WRITERS.stream().anyMatch(this::running)) {
            return null;
        }
        return new JobLaunchRequest(lifecycleReportJob, RunRequest.parameters(clock)
                .addString("cause", "status-changes", false)
                .toJobParameters());
    }

    boolean hasWork() {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM invoice_status_history WHERE lifecycle_report_id IS NULL)
                    OR EXISTS (SELECT 1 FROM lifecycle_report WHERE stage = 'READY')""", Boolean.class));
    }

    private boolean running(String jobName) {
        return !jobRepository.findRunningJobExecutions(jobName).isEmpty();
    }
}
