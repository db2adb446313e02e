package org.achemine.routing;

import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;

/**
 * Where an invoice goes: integrated and delivered to a recipient (with the service it is addressed to, when
 * any), or refused at integration by a platform check, with the finding that says what to correct. A
 * refused invoice never becomes 01 Déposée.
 */
public record RoutingDecision(String recipientSiret, String serviceCode, Finding refusal) {

    public static RoutingDecision deliver(String recipientSiret, String serviceCode) {
        return new RoutingDecision(recipientSiret, serviceCode, null);
    }

    public static RoutingDecision refuse(Finding reason) {
        return new RoutingDecision(null, null, reason);
    }

    public boolean delivered() {
        return refusal == null;
    }

    /** The reform's reason code of a refusal (with status 213 Rejetée). */
    public RejectionReason rejectionReason() {
        return RejectionReason.of(FindingCode.valueOf(refusal.code()));
    }
}
