package org.achemine.batch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepInterruptionPolicy;

/**
 * The partner's answer first (ADR 0029): while the intake has more flows taken and not yet answered than
 * {@code achemine.batch.yield-backlog}, the jobs that compete with it for the CPU start no new run (their triggers
 * ask {@link #yields}) and a running one waits before its next piece of work: between two chunks, once the last one
 * committed ({@link #checkInterrupted}), or before its next step ({@link #beforeStep}); it holds no transaction of
 * its own then, and no lock. A job waits {@code achemine.batch.yield-max} at most in a row: past it, its run goes on
 * to its end whatever the backlog, so a steady flood delays routing and delivery, never starves them. The engine's
 * stop ({@link CleanStop}) ends a wait at once. A pause is logged when it begins and when it ends, never per look.
 */
public class IntakeYield implements StepInterruptionPolicy, StepExecutionListener, JobExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeYield.class);
    /** How often a waiting run looks at the backlog again (a read in memory). */
    static final Duration LOOK_AGAIN = Duration.ofMillis(50);

    private final IntakeYieldProperties properties;
    private final IntakeBacklog backlog;
    private final CleanStop stop;
    private final Clock clock;
    private final Map<String, Instant> pausedSince = new ConcurrentHashMap<>();
    /** Jobs whose wait reached the bound: their run goes on without yielding until it ends. */
    private final Set<String> boundReached = ConcurrentHashMap.newKeySet();

    public IntakeYield(IntakeYieldProperties properties, IntakeBacklog backlog, CleanStop stop, Clock clock) {
        this.properties = properties;
        this.backlog = backlog;
        this.stop = stop;
        this.clock = clock;
    }

    /**
     * One look, no wait: whether {@code job} should hold its next piece of work (a new run, a chunk, a step) now.
     * Begins the job's pause when the backlog is over the threshold, and ends it when the backlog is back under,
     * when the bound is reached, or when the engine stops.
     */
    public synchronized boolean yields(String job) {
        if (!properties.enabled() || boundReached.contains(job)) {
            return false;
        }
        Instant since = pausedSince.get(job);
        Instant now = clock.instant();
        if (stop.requested()) {
            endPause(job, since, now, "the engine stops");
            return false;
        }
        int flows = backlog.flows();
        if (flows <= properties.yieldBacklog()) {
            endPause(job, since, now, "the intake has " + flows + " flows taken and not answered");
            return false;
        }
        if (since == null) {
            pausedSince.put(job, now);
            LOG.info("Job {} yields to the intake: {} flows taken and not answered (over {}); it waits {} at most",
                    job, flows, properties.yieldBacklog(), properties.yieldMax());
            return true;
        }
        if (!now.isBefore(since.plus(properties.yieldMax()))) {
            boundReached.add(job);
            endPause(job, since, now, "its wait reached achemine.batch.yield-max while the intake still has "
                    + flows + " flows; the run goes on to its end");
            return false;
        }
        return true;
    }

    /** Waits while {@code job} yields (a look every {@link #LOOK_AGAIN}); returns at once when the engine stops. */
    public void awaitTurn(String job) {
        while (yields(job)) {
            stop.awaitRequested(LOOK_AGAIN);
        }
    }

    /** The jobs yielding now, and since when (platform clock): the console and the metrics show them. */
    public Map<String, Instant> pausedSince() {
        return Map.copyOf(pausedSince);
    }

    /** The intake's backlog now (flows taken and not answered). */
    public int backlog() {
        return backlog.flows();
    }

    /** Between two chunks (the last one committed): waits for the job's turn, then ends the step if stopping. */
    @Override
    public void checkInterrupted(StepExecution stepExecution) throws JobInterruptedException {
        awaitTurn(jobName(stepExecution));
        stop.checkInterrupted(stepExecution);
    }

    /** Before a step's work begins (outside its transaction): waits for the job's turn. */
    @Override
    public void beforeStep(StepExecution stepExecution) {
        awaitTurn(jobName(stepExecution));
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        String job = jobExecution.getJobInstance().getJobName();
        synchronized (this) {
            boundReached.remove(job);
            endPause(job, pausedSince.get(job), clock.instant(), "its run ended");
        }
    }

    private void endPause(String job, Instant since, Instant now, String why) {
        if (since != null) {
            pausedSince.remove(job);
            LOG.info("Job {} resumes after yielding {} to the intake: {}", job,
                    Duration.between(since, now).truncatedTo(ChronoUnit.MILLIS), why);
        }
    }

    private static String jobName(StepExecution stepExecution) {
        return stepExecution.getJobExecution().getJobInstance().getJobName();
    }
}
