package org.achemine.batch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How batch runs yield to a burst at the intake ({@code achemine.batch.*}, ADR 0029; defaults in application.yml).
 *
 * @param yieldToIntake true: while the intake's backlog is over {@code yieldBacklog}, the jobs that compete for the
 *                      CPU (routing, lifecycle reports) start no run and pause a running one between chunks
 * @param yieldMax      the longest a job waits in a row; past it, the job's run goes on to its end whatever the
 *                      backlog (a steady flood never starves delivery)
 * @param yieldBacklog  flows taken and not yet answered above which the jobs yield
 */
@ConfigurationProperties("achemine.batch")
public record IntakeYieldProperties(Boolean yieldToIntake, Duration yieldMax, Integer yieldBacklog) {

    public IntakeYieldProperties {
        yieldToIntake = yieldToIntake == null || yieldToIntake;
        yieldMax = yieldMax == null ? Duration.ofSeconds(30) : yieldMax;
        yieldBacklog = yieldBacklog == null ? 8 : yieldBacklog;
        if (yieldMax.isNegative() || yieldBacklog < 0) {
            throw new IllegalArgumentException("achemine.batch.yield-max and yield-backlog must not be negative");
        }
    }

    public boolean enabled() {
        return yieldToIntake;
    }
}
