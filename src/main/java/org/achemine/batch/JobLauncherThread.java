package org.achemine.batch;

import java.time.Duration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The one thread on which a job's trigger launches its runs (an executor channel in front of spring-batch-integration's
 * {@code JobLaunchingGateway}), never the trigger's poller thread: Spring Integration stops a poller by cancelling
 * its task with an interrupt, and a run interrupted inside H2's file I/O closes the database under every thread
 * ({@code ClosedByInterruptException}) and is left UNKNOWN. This thread is never interrupted: at the engine's stop it
 * finishes the run in hand, which ends at its next chunk boundary ({@link CleanStop}), and is waited for {@code wait}
 * at most before the database closes. One thread: a job's runs never overlap.
 */
public class JobLauncherThread extends ThreadPoolTaskExecutor {

    public JobLauncherThread(String job, Duration wait) {
        setCorePoolSize(1);
        setMaxPoolSize(1);
        setThreadNamePrefix(job + "-launcher-");
        setWaitForTasksToCompleteOnShutdown(true);
        setAwaitTerminationMillis(wait.toMillis());
    }

    /** Whether it runs a job now or has a launch request waiting: a trigger then asks for no other. */
    public boolean busy() {
        return getActiveCount() > 0 || getQueueSize() > 0;
    }
}
