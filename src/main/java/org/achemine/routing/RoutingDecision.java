package org.achemine.routing;

import java.util.List;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.validation.Finding;

/**
 * Where an invoice goes: delivered to a recipient (with the service it is addressed to, when any), or
 * sent back to its supplier with status 04 « À recycler » (routing data to correct, the same invoice number
 * may be resent) or 05 « Rejetée », and the findings that say why.
 */
public record RoutingDecision(InvoiceStatus status, String recipientSiret, String serviceCode, List<Finding> findings) {

    public RoutingDecision {
        findings = List.copyOf(findings);
    }

    public static RoutingDecision deliver(String recipientSiret, String serviceCode) {
        return new RoutingDecision(InvoiceStatus.MISE_A_DISPOSITION, recipientSiret, serviceCode, List.of());
    }

    public static RoutingDecision toRecycle(Finding reason) {
        return new RoutingDecision(InvoiceStatus.A_RECYCLER, null, null, List.of(reason));
    }

    public static RoutingDecision reject(Finding reason) {
        return new RoutingDecision(InvoiceStatus.REJETEE, null, null, List.of(reason));
    }

    public boolean delivered() {
        return status == InvoiceStatus.MISE_A_DISPOSITION;
    }
}
