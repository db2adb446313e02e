package org.achemine.lifecycle.report;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Lifecycle reports and daily summaries ({@code achemine.lifecycle.*}; defaults in application.yml).
 *
 * @param triggerDelay   how often the engine looks for status changes not yet reported (then reports them,
 *                       unless a routing or report run is in progress: its changes go in one report after it)
 * @param summaryWaiting how many invoices waiting longest each daily summary lists
 * @param timeZone       the zone whose calendar day dates the daily summaries
 */
@ConfigurationProperties("achemine.lifecycle")
public record LifecycleProperties(Duration triggerDelay, int summaryWaiting, ZoneId timeZone) {
}
