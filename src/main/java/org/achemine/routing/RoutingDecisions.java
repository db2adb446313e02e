package org.achemine.routing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The routing step's processor: what {@link RoutingRules} decide for each invoice, on the day of the run, reviewed
 * by the validation circuits.
 */
public class RoutingDecisions implements ItemProcessor<RoutingCandidate, RoutedInvoice> {

    private final RoutingRules rules;
    private final Clock clock;
    private final ZoneId zone;
    private final CircuitHook circuits;

    public RoutingDecisions(RoutingRules rules, Clock clock, ZoneId zone) {
        this(rules, clock, zone, CircuitHook.NONE);
    }

    /** @param circuits reviews each decision: an invoice of a validation circuit goes to its validator first */
    public RoutingDecisions(RoutingRules rules, Clock clock, ZoneId zone, CircuitHook circuits) {
        this.rules = rules;
        this.clock = clock;
        this.zone = zone;
        this.circuits = circuits;
    }

    /** The next chunk's candidates, read ahead: what they need from the database is read for them together. */
    public void lookAhead(List<RoutingCandidate> candidates) {
        rules.lookAhead(candidates.stream().map(RoutingCandidate::request).toList());
    }

    @Override
    public RoutedInvoice process(RoutingCandidate candidate) {
        RoutingDecision decision = rules.decide(candidate.request(), LocalDate.now(clock.withZone(zone)));
        return new RoutedInvoice(candidate, decision.delivered() ? circuits.review(candidate, decision) : decision);
    }
}
