package org.achemine.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform clock ({@code achemine.clock.*}).
 *
 * @param offset how far the platform clock runs from the machine's (0 in production). Tests and CI set it
 *               a year ahead or back ({@code --achemine.clock.offset=365d} or {@code -365d}) to prove that
 *               nothing depends on today's date; every date the platform records comes from this clock.
 */
@ConfigurationProperties("achemine.clock")
public record ClockProperties(Duration offset) {

    public ClockProperties {
        offset = offset == null ? Duration.ZERO : offset;
    }
}
