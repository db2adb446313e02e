package org.achemine.config;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole engine (UTC), shifted by {@code achemine.clock.offset}: every date the platform
 * records, every "today" and every deadline comes from it, so tests and CI can move it a year either way.
 * Spring Batch's own execution times stay on the machine's clock (they are the batch repository's bookkeeping).
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ClockConfiguration.class);

    @Bean
    Clock clock(ClockProperties properties) {
        if (!properties.offset().isZero()) {
            LOG.warn("Platform clock offset by {} from the machine's clock (achemine.clock.offset)", properties.offset());
        }
        return platformClock(properties.offset());
    }

    /** The platform clock: the machine's, moved by the configured offset (also for commands without Spring). */
    public static Clock platformClock(Duration offset) {
        return Clock.offset(Clock.systemUTC(), offset);
    }
}
