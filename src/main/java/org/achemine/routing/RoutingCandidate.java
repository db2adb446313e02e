package org.achemine.routing;

import org.achemine.delivery.Resend;

/**
 * An invoice waiting for routing, as read from the invoice table.
 *
 * @param resend {@link Resend#RECYCLEE} when it resends, under the same supplier, number and year, an
 *               invoice sent back 04 À recycler; its delivery is flagged so
 */
public record RoutingCandidate(String invoiceId, String flowId, int docRank, String entryName, RoutingRequest request,
                               Resend resend) {

    public RoutingCandidate(String invoiceId, String flowId, int docRank, String entryName, RoutingRequest request) {
        this(invoiceId, flowId, docRank, entryName, request, Resend.NON);
    }
}
