package org.achemine.routing;

import java.util.Optional;

/** Knows the invoices already accepted, to refuse double billing. */
public interface DuplicateRegister {

    /**
     * The id of another invoice already accepted (routed or being routed, not sent back for recycling) with
     * the same supplier, number and year, if any.
     */
    Optional<String> acceptedBefore(RoutingRequest request);
}
