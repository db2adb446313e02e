package org.achemine.routing;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Routing settings ({@code achemine.routing.*}; defaults in application.yml).
 *
 * @param chunkSize    invoices routed per transaction
 * @param timeZone     the zone whose calendar day decides whether a service is open
 * @param triggerDelay how often the engine looks for invoices accepted by intake and not yet routed
 * @param retryAfter   after a failed run, how long the trigger waits before launching another
 * @param reportGroupSize most flows whose integration reports share their commits and syncs
 */
@ConfigurationProperties("achemine.routing")
public record RoutingProperties(int chunkSize, ZoneId timeZone, Duration triggerDelay,
                                Duration retryAfter, int reportGroupSize) {
}
