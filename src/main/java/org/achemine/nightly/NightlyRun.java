package org.achemine.nightly;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.achemine.batch.RunRequest;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Runs the nightly job now, on the schedule or from the command line: a nightly that failed (or was
 * interrupted) the same day is restarted where it stopped; otherwise a new run starts, dated by the day in
 * the nightly's zone. Refused while one is in progress; waits for a routing or lifecycle-report run in progress
 * to end first.
 */
public class NightlyRun {

    private static final List<String> CHILDREN_WITH_TRIGGERS = List.of("routing", "lifecycle-report");
    private static final Duration MAX_WAIT = Duration.ofMinutes(30);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job nightlyJob;
    private final NightlyProperties properties;
    private final Clock clock;

    public NightlyRun(JobOperator jobOperator, JobRepository jobRepository, Job nightlyJob, NightlyProperties properties,
                      Clock clock) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.nightlyJob = nightlyJob;
        this.properties = properties;
        this.clock = clock;
    }

    /** The run's execution once it ended; empty when a nightly is already in progress. */
    public Optional<JobExecution> runNow() throws Exception {
        if (!jobRepository.findRunningJobExecutions(nightlyJob.getName()).isEmpty()) {
            return Optional.empty();
        }
        awaitRunsInProgress();
        String today = LocalDate.ofInstant(clock.instant(), properties.timeZone()).toString();
        Optional<JobExecution> unfinished = restartableToday(today);
        if (unfinished.isPresent()) {
            // Same parameters as the unfinished run: the job repository continues that instance where it stopped.
            return Optional.of(jobOperator.start(nightlyJob, unfinished.get().getJobParameters()));
        }
        return Optional.of(jobOperator.start(nightlyJob, RunRequest.parameters(clock)
                .addString("day", today)
                .toJobParameters()));
    }

    /**
     * A routing or lifecycle-report run launched by its event trigger just before the night would run beside
     * the night's own: wait for it to end (their triggers launch none while the night runs).
     */
    private void awaitRunsInProgress() throws InterruptedException {
        Instant giveUp = clock.instant().plus(MAX_WAIT);
        while (CHILDREN_WITH_TRIGGERS.stream().anyMatch(job -> !jobRepository.findRunningJobExecutions(job).isEmpty())
                && clock.instant().isBefore(giveUp)) {
            Thread.sleep(POLL.toMillis());
        }
    }

    private Optional<JobExecution> restartableToday(String today) {
        JobInstance last = jobRepository.getLastJobInstance(nightlyJob.getName());
        JobExecution execution = last == null ? null : jobRepository.getLastJobExecution(last);
        if (execution == null || !today.equals(execution.getJobParameters().getString("day"))) {
            return Optional.empty();
        }
        BatchStatus status = execution.getStatus();
        return status == BatchStatus.FAILED || status == BatchStatus.STOPPED ? Optional.of(execution) : Optional.empty();
    }
}
