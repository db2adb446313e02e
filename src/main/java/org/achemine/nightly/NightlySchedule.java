package org.achemine.nightly;

import org.achemine.cluster.Leadership;
import java.util.TimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;

/**
 * The engine's one schedule, {@code achemine.nightly.cron} in {@code achemine.nightly.time-zone}: a
 * poller that runs (or restarts, the same day) the nightly job on its own thread and logs how it ended.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "achemine.intake.enabled", havingValue = "true")
public class NightlySchedule {

    private static final Logger LOG = LoggerFactory.getLogger(NightlySchedule.class);

    @Bean
    IntegrationFlow nightlyOnSchedule(NightlyRun nightly, NightlyProperties properties, Leadership leadership) {
        return IntegrationFlow.fromSupplier(() -> {
                    try {
                        nightly.runNow().map(JobExecution::getStatus).ifPresentOrElse(
                                status -> LOG.info("Nightly run ended: {}", status),
                                () -> LOG.warn("Nightly run skipped: one is already in progress"));
                    } catch (Exception e) {
                        LOG.error("Nightly run could not start", e);
                    }
                    return null;
                }, source -> leadership.onLeader(
                        source.poller(Pollers.cron(properties.cron(), TimeZone.getTimeZone(properties.timeZone())))))
                .nullChannel();
    }

}
