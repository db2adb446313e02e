package org.achemine.nightly;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The nightly run ({@code achemine.nightly.*}; defaults in application.yml).
 *
 * @param cron     when it runs (Spring cron: second minute hour day month weekday), in {@code timeZone}
 * @param timeZone the zone of the schedule, and of the day a failed run is restarted within
 */
@ConfigurationProperties("achemine.nightly")
public record NightlyProperties(String cron, ZoneId timeZone) {
}
