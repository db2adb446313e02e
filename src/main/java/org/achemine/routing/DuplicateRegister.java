package org.achemine.routing;

import java.util.List;
import java.util.Optional;

/** Knows the invoices already integrated, to refuse double billing. */
public interface DuplicateRegister {

    /**
     * The id of another invoice already integrated (routed, or integrated earlier in this run; not sent back
     * 04 for recycling) with the same supplier, number and year, if any.
     */
    Optional<String> acceptedBefore(RoutingRequest request);

    /** Told a chunk's requests before they are decided: a register may answer them all in one query. */
    default void lookAhead(List<RoutingRequest> requests) {
    }

    /** Routing integrates this invoice: a later one with the same supplier, number and year is a duplicate. */
    void integrated(RoutingRequest request);
}
