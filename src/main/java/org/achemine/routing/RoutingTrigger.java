package org.achemine.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.achemine.batch.IntakeYield;
import org.achemine.batch.RunRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.launch.JobLaunchRequest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Decides when routing should run: when intake has reported flows whose invoices are not registered yet,
 * invoices wait in 01 Déposée or, completed by their supplier, in 12 Complétée, or let go by a circuit's validator
 * (14 Validée, 16 Absence de validation hors délai) or, in the works cycle, by its MOE (19, 23) or its MOA (22, 24),
 * or an integration report is still due (a run stopped before writing it),
 * no routing run is in progress, and routing does not yield to a burst at the intake ({@link IntakeYield}). The
 * answer is read from the database, so work left by a crash is found again; nothing is lost with an in-memory event.
 */
public class RoutingTrigger {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingTrigger.class);
    /** The nightly job's name (package nightly depends on routing, not the other way round). */
    private static final String NIGHTLY_JOB = "nightly";

    private final JdbcTemplate jdbc;
    private final JobRepository jobRepository;
    private final Job routingJob;
    private final Duration retryAfter;
    private final Clock clock;
    private final JobOperator jobOperator;
    private final BooleanSupplier launcherBusy;
    private final IntakeYield intakeYield;
    private volatile boolean databaseDown;

    /**
     * @param launcherBusy whether this engine's launcher thread is running a job now or has a request waiting:
     *                     no new request is made then (on a slow machine a run may not have recorded its
     *                     execution yet when the next poll comes, and requests would pile up). An execution the
     *                     repository says is running while the launcher is idle was cut short (the database
     *                     went away mid-run and its failure could not be recorded)
     * @param intakeYield  no run starts while routing yields to a burst at the intake (ADR 0029)
     */
    public RoutingTrigger(JdbcTemplate jdbc, JobRepository jobRepository, Job routingJob, Duration retryAfter,
                          Clock clock, JobOperator jobOperator, BooleanSupplier launcherBusy,
                          IntakeYield intakeYield) {
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
        this.routingJob = routingJob;
        this.retryAfter = retryAfter;
        this.clock = clock;
        this.jobOperator = jobOperator;
        this.launcherBusy = launcherBusy;
        this.intakeYield = intakeYield;
    }

    /**
     * A launch request when there is work, no run in progress and no run failed in the last
     * {@code retryAfter} (a fault that outlives a run, say a missing archive, is retried at that pace
     * instead of every poll); null otherwise (no message).
     */
    public JobLaunchRequest launchIfWaiting() {
        if (launcherBusy.getAsBoolean()) {
            return null; // a request is waiting or running: its run answers for the work
        }
        // asked first: a look in memory, where the rest reads the database (the job repository four times), and
        // during a burst, when it yields, the database is left to the intake
        if (intakeYield.yields(routingJob.getName())) {
            return null;
        }
        return whileDatabaseAnswers(() -> hasWork() && !running() && !failedRecently()
                ? launchRequest("intake") : null);
    }

    /**
     * The decision, or no launch while the database is unreachable: the next poll asks again. Logged once
     * when the database goes away and once when it is back, not at every poll.
     */
    private JobLaunchRequest whileDatabaseAnswers(Supplier<JobLaunchRequest> decision) {
        try {
            JobLaunchRequest request = decision.get();
            if (databaseDown) {
                databaseDown = false;
                LOG.info("Routing trigger: the database answers again");
            }
            return request;
        } catch (DataAccessException e) {
            if (!databaseDown) {
                databaseDown = true;
                LOG.error("Routing trigger: the database is unreachable ({}); routing waits until it is back",
                        e.getMessage());
            }
            return null;
        }
    }

    boolean hasWork() {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM flow WHERE stage = 'REPORTED' AND invoices_registered = FALSE)
                    OR EXISTS (SELECT 1 FROM invoice WHERE status IN ('12', '14', '16', '19', '22', '23', '24'))
                    OR EXISTS (SELECT 1 FROM flow f WHERE f.invoices_registered = TRUE
                               AND f.integration_reported_at IS NULL
                               AND (EXISTS (SELECT 1 FROM invoice i WHERE i.flow_id = f.flow_id)
                                    OR EXISTS (SELECT 1 FROM integration_refusal r WHERE r.flow_id = f.flow_id)))""",
                Boolean.class));
    }

    private boolean failedRecently() {
        JobInstance last = jobRepository.getLastJobInstance(routingJob.getName());
        JobExecution execution = last == null ? null : jobRepository.getLastJobExecution(last);
        if (execution == null || execution.getStatus() != BatchStatus.FAILED || execution.getEndTime() == null) {
            return false;
        }
        // Spring Batch stamps its executions with the machine's clock in the machine's zone (LocalDateTime.now()),
        // not with the platform clock, which tests may shift: the time since the failure is read on that same clock.
        Instant ended = execution.getEndTime().atZone(ZoneId.systemDefault()).toInstant();
        return ended.plus(retryAfter).isAfter(Instant.now());
    }

    /** A routing run in progress, or the nightly run (it routes in its turn). */
    private boolean running() {
        if (!jobRepository.findRunningJobExecutions(NIGHTLY_JOB).isEmpty()) {
            return true;
        }
        Set<JobExecution> marked = jobRepository.findRunningJobExecutions(routingJob.getName());
        if (marked.isEmpty() || launcherBusy.getAsBoolean()) {
            return !marked.isEmpty();
        }
        for (JobExecution abandoned : marked) {
            jobOperator.recover(abandoned); // marked failed: the next run resumes its work (restartable job)
            LOG.warn("Routing run {} was cut short without its end being recorded (database unavailable);"
                    + " marked failed, the next run resumes its work", abandoned.getId());
        }
        return false;
    }

    private JobLaunchRequest launchRequest(String cause) {
        return new JobLaunchRequest(routingJob, RunRequest.parameters(clock)
                .addString("cause", cause, false)
                .toJobParameters());
    }
}
