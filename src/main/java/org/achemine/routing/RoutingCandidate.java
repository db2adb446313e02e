package org.achemine.routing;

/** An invoice waiting for routing, as read from the invoice table. */
public record RoutingCandidate(String invoiceId, String flowId, int docRank, String entryName, RoutingRequest request) {
}
