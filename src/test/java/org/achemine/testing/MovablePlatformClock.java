package org.achemine.testing;

import org.achemine.config.ClockProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The platform clock as a {@link ShiftableClock} a test moves ({@code clock.advance(...)}), starting at the
 * configured offset. A test class declares {@code @TestConfiguration static class MovableClock extends
 * MovablePlatformClock {}} nested in itself, so that Spring Boot finds it as that class's own test configuration.
 * Not annotated here: component scanning must never pick it up for every context.
 */
public abstract class MovablePlatformClock {

    @Bean
    @Primary
    public ShiftableClock movableClock(ClockProperties properties) {
        return new ShiftableClock(properties.offset());
    }
}
