package org.achemine.batch;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepInterruptionPolicy;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * The engine's stop (SIGTERM closes the context), told to every job run in hand so that it ends between two
 * pieces of work (chunks, groups of integration reports, lifecycle reports), never inside one: a thread
 * interrupted while it writes leaves a hidden temporary file in a partner's {@code out/}, and an interrupt during
 * H2's file I/O closes the database under the other threads ("The database has been closed"). The context's
 * closing event comes before its lifecycle stops, before any executor is shut down and before the data source
 * closes: the stop marks the runs' steps to end STOPPED, then holds the close until those runs have ended
 * ({@code achemine.batch.stop-wait} at most). What a run leaves is done by the next run, as after any stop.
 * Jobs tell it when they run ({@link #beforeJob}, {@link #afterJob}: every job registers it as a listener); a run
 * launched once the stop was told ends STOPPED before its first step. A trigger's run is never on the poller's thread,
 * which stopping the poller interrupts ({@link JobLauncherThread}).
 */
@Component
public class CleanStop implements ApplicationListener<ContextClosedEvent>, StepInterruptionPolicy,
        JobExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(CleanStop.class);

    private final ApplicationContext context;
    private final Duration wait;
    private final Set<JobExecution> running = ConcurrentHashMap.newKeySet();
    private volatile boolean requested;
    /** Opened by the stop: what waits for something else (a run yielding to the intake) ends its wait at once. */
    private final CountDownLatch told = new CountDownLatch(1);

    public CleanStop(ApplicationContext context, JobRecoveryProperties properties) {
        this.context = context;
        this.wait = properties.stopWait();
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (event.getApplicationContext() != context) { // a child context's closing
            return;
        }
        // said only when a run is stopped by it: a one-shot command's context closes here too, and its output
        // must carry nothing but what it prints
        requested = true;
        told.countDown();
        running.forEach(this::stopSteps);
        awaitRunsInHand();
    }

    public boolean requested() {
        return requested;
    }

    /** Waits until the engine is told to stop, {@code atMost} this long; true once it is (at once if it was). */
    public boolean awaitRequested(Duration atMost) {
        try {
            return told.await(atMost.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true; // an interrupted thread is being stopped: it waits no longer
        }
    }

    /** Between two chunks: the step ends STOPPED if the engine is stopping. */
    @Override
    public void checkInterrupted(StepExecution stepExecution) throws JobInterruptedException {
        if (stopsStep(stepExecution)) {
            throw new JobInterruptedException(
                    "Engine stopping: the step ends between chunks, the rest at the next run");
        }
    }

    /** Marks the step to end STOPPED (and the run with it) if the engine is stopping; true then. */
    public boolean stopsStep(StepExecution stepExecution) {
        if (requested && !stepExecution.isTerminateOnly()) {
            LOG.info("Engine stopping: step {} ends after its current piece of work, the rest at the next run",
                    stepExecution.getStepName());
            stepExecution.setTerminateOnly();
        }
        return requested;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        running.add(jobExecution);
        if (requested) { // launched once the stop was told (its trigger asked just before): no step begins
            LOG.info("Engine stopping: job {} launched now ends STOPPED before its first step, the work at the next"
                    + " run", jobExecution.getJobInstance().getJobName());
            jobExecution.setStatus(BatchStatus.STOPPING);
        }
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        synchronized (running) {
            running.remove(jobExecution);
            running.notifyAll();
        }
    }

    /** Every step of the run still going ends at its next check (chunk steps: before their next chunk). */
    private void stopSteps(JobExecution jobExecution) {
        jobExecution.getStepExecutions().stream()
                .filter(step -> step.getStatus().isRunning())
                .forEach(this::stopsStep);
    }

    /** Holds the context's close until the runs in hand have ended, or the wait is over. */
    private void awaitRunsInHand() {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (running) {
            while (!running.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("Engine stopping: {} job run(s) still going after {}; they are interrupted",
                            running.size(), wait);
                    return;
                }
                LOG.info("Engine stopping: waiting for {} job run(s) to end their current piece of work",
                        running.size());
                try {
                    running.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
