package org.achemine.routing;

import java.time.Instant;
import java.util.List;

/**
 * What routing asks of the validation circuits (package {@code circuit}, which depends on routing, not the other
 * way round): whether an invoice routing would deliver must first go to a validator, and, once such invoices
 * are integrated, to remember them. {@link #NONE} keeps every invoice on the ordinary cycle.
 */
public interface CircuitHook {

    CircuitHook NONE = new CircuitHook() {
        @Override
        public RoutingDecision review(RoutingCandidate invoice, RoutingDecision decision) {
            return decision;
        }

        @Override
        public void entered(List<RoutedInvoice> held, Instant at) {
        }
    };

    /** The decision as it stands, held for a circuit's first party, or refused when the circuit cannot start. */
    RoutingDecision review(RoutingCandidate invoice, RoutingDecision decision);

    /** Records the invoices just integrated and held ({@link RoutingDecision#held()}), in routing's transaction. */
    void entered(List<RoutedInvoice> held, Instant at);
}
