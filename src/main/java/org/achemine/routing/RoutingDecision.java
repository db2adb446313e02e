package org.achemine.routing;

import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;

/**
 * Where an invoice goes: integrated and delivered to a recipient (with the service it is addressed to, when
 * any), or refused at integration by a platform check, with the finding that says what to correct. A
 * refused invoice never becomes 01 Déposée. An invoice of a validation circuit ({@link CircuitHook}) is
 * {@code held}: delivered first to the circuit's party, its recipient and service kept for later.
 */
public record RoutingDecision(String recipientSiret, String serviceCode, Finding refusal, Hold hold) {

    /**
     * Where a circuit sends an invoice before its recipient: the party's SIRET, the status it waits in, and the
     * party after it when the circuit has two (the MOA of a works invoice; null otherwise).
     */
    public record Hold(String partySiret, InvoiceStatus status, String nextPartySiret) {

        public Hold(String partySiret, InvoiceStatus status) {
            this(partySiret, status, null);
        }
    }

    public static RoutingDecision deliver(String recipientSiret, String serviceCode) {
        return new RoutingDecision(recipientSiret, serviceCode, null, null);
    }

    public static RoutingDecision refuse(Finding reason) {
        return new RoutingDecision(null, null, reason, null);
    }

    /** This decision, delivered to a circuit's party first. */
    public RoutingDecision heldBy(Hold first) {
        return new RoutingDecision(recipientSiret, serviceCode, null, first);
    }

    public boolean held() {
        return hold != null;
    }

    /** Whose mailbox gets the file now: the circuit's party when held, else the recipient. */
    public String deliveredTo() {
        return held() ? hold.partySiret() : recipientSiret;
    }

    public boolean delivered() {
        return refusal == null;
    }

    /** The reform's reason code of a refusal (with status 213 Rejetée). */
    public RejectionReason rejectionReason() {
        return RejectionReason.of(FindingCode.valueOf(refusal.code()));
    }
}
