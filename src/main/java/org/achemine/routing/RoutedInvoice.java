package org.achemine.routing;

/** An invoice and where routing decided it goes. */
public record RoutedInvoice(RoutingCandidate candidate, RoutingDecision decision) {
}
