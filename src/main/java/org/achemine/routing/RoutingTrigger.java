package org.achemine.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.launch.JobLaunchRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Decides when routing should run: when intake has reported flows whose invoices are not registered yet,
 * invoices wait in 01 Déposée or, completed by their supplier, in 12 Complétée, or an integration report is still due (a run stopped before writing it),
 * and no routing run is in progress. The answer is read from the
 * database, so work left by a crash is found again; nothing is lost with an in-memory event.
 */
public class RoutingTrigger {

    /** The nightly job's name (package nightly depends on routing, not the other way round). */
    private static final String NIGHTLY_JOB = "nightly";

    private final JdbcTemplate jdbc;
    private final JobRepository jobRepository;
    private final Job routingJob;
    private final Duration retryAfter;
    private final Clock clock;

    public RoutingTrigger(JdbcTemplate jdbc, JobRepository jobRepository, Job routingJob, Duration retryAfter,
                          Clock clock) {
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
        this.routingJob = routingJob;
        this.retryAfter = retryAfter;
        this.clock = clock;
    }

    /**
     * A launch request when there is work, no run in progress and no run failed in the last
     * {@code retryAfter} (a fault that outlives a run, say a missing archive, is retried at that pace
     * instead of every poll); null otherwise (no message).
     */
    public JobLaunchRequest launchIfWaiting() {
        return hasWork() && !running() && !failedRecently() ? launchRequest("intake") : null;
    }

    boolean hasWork() {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM flow WHERE stage = 'REPORTED' AND invoices_registered = FALSE)
                    OR EXISTS (SELECT 1 FROM invoice WHERE status = '01')
                    OR EXISTS (SELECT 1 FROM invoice WHERE status = '12')
                    OR EXISTS (SELECT 1 FROM flow f WHERE f.invoices_registered = TRUE AND f.integration_reported_at IS NULL
                               AND EXISTS (SELECT 1 FROM invoice i WHERE i.flow_id = f.flow_id))""", Boolean.class));
    }

    private boolean failedRecently() {
        JobInstance last = jobRepository.getLastJobInstance(routingJob.getName());
        JobExecution execution = last == null ? null : jobRepository.getLastJobExecution(last);
        if (execution == null || execution.getStatus() != BatchStatus.FAILED || execution.getEndTime() == null) {
            return false;
        }
        Instant ended = execution.getEndTime().atZone(ZoneId.systemDefault()).toInstant();
        return ended.plus(retryAfter).isAfter(clock.instant());
    }

    /** A routing run in progress, or the nightly run (it routes in its turn). */
    private boolean running() {
        return !jobRepository.findRunningJobExecutions(routingJob.getName()).isEmpty()
                || !jobRepository.findRunningJobExecutions(NIGHTLY_JOB).isEmpty();
    }

    private JobLaunchRequest launchRequest(String cause) {
        return new JobLaunchRequest(routingJob, new JobParametersBuilder()
                .addString("requestedAt", Instant.now().toString())
                .addString("cause", cause, false)
                .toJobParameters());
    }
}
