package org.achemine.batch;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The thread on which a job's trigger reads the database to decide whether to launch a run, never the trigger's
 * poller thread: Spring Integration stops a poller by cancelling its task with an interrupt, and an interrupt that
 * lands inside H2's file I/O closes the database under every thread ({@code ClosedByInterruptException}). The
 * poller asks ({@link #ask}) and waits for the answer; stopped meanwhile, it stops waiting and launches nothing,
 * while the query ends here, uninterrupted. At the engine's stop a query in hand is waited for {@code wait} at most
 * before the database closes (its bean depends on the data source). One thread: a trigger's polls never overlap.
 */
public class TriggerQueryThread extends ThreadPoolTaskExecutor {

    public TriggerQueryThread(String job, Duration wait) {
        setCorePoolSize(1);
        setMaxPoolSize(1);
        setThreadNamePrefix(job + "-trigger-");
        setWaitForTasksToCompleteOnShutdown(true);
        setAwaitTerminationMillis(wait.toMillis());
    }

    /**
     * The decision, made on this thread; null when the asking thread is interrupted while it waits (its poller is
     * being stopped) or when this thread no longer takes work (the engine stops): no launch then.
     */
    public <T> T ask(Supplier<T> decision) {
        Future<T> answer;
        try {
            answer = submit(decision::get);
        } catch (TaskRejectedException stopping) {
            return null;
        }
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the poller's stop: it ends its poll, the query ends here
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
