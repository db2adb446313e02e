package org.achemine.batch;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's {@link IntakeYield} and its gauges: {@code achemine_intake_backlog} (flows taken and not yet
 * answered) and {@code achemine_batch_yielding_seconds{job}} (how long the job has been yielding to the intake,
 * 0 when it is not).
 */
@Configuration(proxyBeanMethods = false)
public class IntakeYieldConfiguration {

    /** The jobs that yield: their triggers and steps ask {@link IntakeYield}. */
    static final List<String> YIELDING_JOBS = List.of("routing", "lifecycle-report");

    @Bean
    IntakeYield intakeYield(IntakeYieldProperties properties, ObjectProvider<IntakeBacklog> backlog, CleanStop stop,
                            Clock clock, MeterRegistry registry) {
        // without an intake (one-shot commands) there is no backlog: nothing yields
        IntakeYield yield = new IntakeYield(properties, backlog.getIfAvailable(() -> () -> 0), stop, clock);
        Gauge.builder("achemine.intake.backlog", yield, IntakeYield::backlog)
                .description("Flows taken and not yet answered with their deposit report (deposit queues and workers)")
                .register(registry);
        for (String job : YIELDING_JOBS) {
            Gauge.builder("achemine.batch.yielding", yield, y -> secondsYielding(y, job, clock))
                    .description("Seconds the job has been yielding to the intake (ADR 0029), 0 when it is not")
                    .tag("job", job)
                    .baseUnit("seconds")
                    .register(registry);
        }
        return yield;
    }

    private static double secondsYielding(IntakeYield yield, String job, Clock clock) {
        Instant since = yield.pausedSince().get(job);
        return since == null ? 0 : Duration.between(since, clock.instant()).toMillis() / 1000.0;
    }
}
