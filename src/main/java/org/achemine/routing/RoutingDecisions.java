package org.achemine.routing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** The routing step's processor: what {@link RoutingRules} decide for each invoice, on the day of the run. */
public class RoutingDecisions implements ItemProcessor<RoutingCandidate, RoutedInvoice> {

    private final RoutingRules rules;
    private final Clock clock;
    private final ZoneId zone;

    public RoutingDecisions(RoutingRules rules, Clock clock, ZoneId zone) {
        this.rules = rules;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public RoutedInvoice process(RoutingCandidate candidate) {
        return new RoutedInvoice(candidate, rules.decide(candidate.request(), LocalDate.now(clock.withZone(zone))));
    }
}
