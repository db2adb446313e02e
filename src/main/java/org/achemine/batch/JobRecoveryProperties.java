package org.achemine.batch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When job executions left "running" are taken for interrupted, and how long a stop waits for the runs in hand
 * ({@code achemine.batch.*}; defaults in application.yml).
 *
 * @param recoverInterruptedAtStart true: at start-up, executions left running are marked failed (a killed engine
 *                                  left them). A one-shot command sets it to false while an engine answers on
 *                                  its data folder: on PostgreSQL it can open the database beside that engine,
 *                                  whose running jobs are alive
 * @param stopWait                  how long the engine's stop waits for the job runs in hand to end their current
 *                                  piece of work ({@link CleanStop}) before closing under them
 */
@ConfigurationProperties("achemine.batch")
public record JobRecoveryProperties(Boolean recoverInterruptedAtStart, Duration stopWait) {

    public JobRecoveryProperties {
        recoverInterruptedAtStart = recoverInterruptedAtStart == null || recoverInterruptedAtStart;
        stopWait = stopWait == null ? Duration.ofSeconds(30) : stopWait;
    }

    /** Whether start-up marks left-running executions failed. */
    public boolean recoversAtStart() {
        return recoverInterruptedAtStart;
    }
}
