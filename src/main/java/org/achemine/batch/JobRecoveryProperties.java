package org.achemine.batch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When job executions left "running" are taken for interrupted ({@code achemine.batch.*}; defaults in
 * application.yml).
 *
 * @param recoverInterruptedAtStart true: at start-up, executions left running are marked failed (a killed engine
 *                                  left them). A one-shot command sets it to false while an engine answers on
 *                                  its data folder: on PostgreSQL it can open the database beside that engine,
 *                                  whose running jobs are alive
 */
@ConfigurationProperties("achemine.batch")
public record JobRecoveryProperties(Boolean recoverInterruptedAtStart) {

    public JobRecoveryProperties {
        recoverInterruptedAtStart = recoverInterruptedAtStart == null || recoverInterruptedAtStart;
    }

    /** Whether start-up marks left-running executions failed. */
    public boolean recoversAtStart() {
        return recoverInterruptedAtStart;
    }
}
