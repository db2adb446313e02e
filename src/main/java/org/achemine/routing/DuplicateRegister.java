package org.achemine.routing;

import java.util.Optional;

/** Knows the invoices already integrated, to refuse double billing. */
public interface DuplicateRegister {

    /**
     * The id of another invoice already integrated (routed, or integrated earlier in this run; not sent back
     * 04 for recycling) with the same supplier, number and year, if any.
     */
    Optional<String> acceptedBefore(RoutingRequest request);

    /** Routing integrates this invoice: a later one with the same supplier, number and year is a duplicate. */
    void integrated(RoutingRequest request);
}
