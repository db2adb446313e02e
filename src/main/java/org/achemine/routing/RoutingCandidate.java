package org.achemine.routing;

import org.achemine.delivery.Resend;

/**
 * An invoice waiting for routing, as read from the invoice table.
 *
 * @param resend {@link Resend#RECYCLEE} when it resends, under the same supplier, number and year, an
 *               invoice sent back 04 À recycler; its delivery is flagged so
 * @param billingFramework BT-23 cadre de facturation as validation read it (A1 when the invoice had none; null for
 *               documents accepted before it was recorded)
 */
public record RoutingCandidate(String invoiceId, String flowId, int docRank, String entryName, RoutingRequest request,
                               Resend resend, String billingFramework) {

    public RoutingCandidate(String invoiceId, String flowId, int docRank, String entryName, RoutingRequest request) {
        this(invoiceId, flowId, docRank, entryName, request, Resend.NON, null);
    }

    public RoutingCandidate(String invoiceId, String flowId, int docRank, String entryName, RoutingRequest request,
                            Resend resend) {
        this(invoiceId, flowId, docRank, entryName, request, resend, null);
    }
}
