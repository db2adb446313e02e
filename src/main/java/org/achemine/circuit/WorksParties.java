package org.achemine.circuit;

import java.util.Optional;
import java.util.regex.Pattern;
import org.achemine.directory.DirectoryLookup;
import org.achemine.directory.PublicStructure;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.mailbox.Mailboxes;
import org.achemine.routing.RoutingCandidate;
import org.achemine.routing.RoutingDecision;
import org.achemine.routing.RoutingDecision.Hold;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.Location;

/**
 * The two parties a works invoice passes before its recipient: its MOE, named in BG-24 (BT-123 {@code MOE}), a
 * connected partner that receives invoices; then its MOA, named the same way (BT-123 {@code MOA}) or else the
 * buyer (BT-46), a structure the directory flags EstMOA whose mailbox receives invoices. Anything else refuses
 * the invoice at integration, like any failed platform check.
 */
final class WorksParties {

    private static final Pattern SIRET = Pattern.compile("[0-9]{14}");
    private static final Location MOE = Location.path("BT-122 référence (BT-123 = MOE)");
    private static final Location MOA = Location.path("BT-122 référence (BT-123 = MOA), sinon BT-46 acheteur");

    private final Mailboxes mailboxes;
    private final DirectoryLookup directory;

    WorksParties(Mailboxes mailboxes, DirectoryLookup directory) {
        this.mailboxes = mailboxes;
        this.directory = directory;
    }

    /** The decision held for the MOE, the MOA remembered; or refused when either party cannot play its part. */
    RoutingDecision review(RoutingCandidate invoice, RoutingDecision decision, InvoiceDocument document) {
        Optional<String> named = NamedValidator.named(document, NamedValidator.MOE);
        if (named.isEmpty()) {
            return RoutingDecision.refuse(Finding.of(FindingCode.CIRCUIT_MOE_ABSENT, MOE, invoice.billingFramework()));
        }
        String moe = named.get();
        if (!receivesInvoices(moe)) {
            return RoutingDecision.refuse(Finding.of(FindingCode.CIRCUIT_MOE_INCONNU, MOE, moe));
        }
        String moa = NamedValidator.named(document, NamedValidator.MOA).orElse(decision.recipientSiret());
        Optional<PublicStructure> structure = SIRET.matcher(moa).matches() ? directory.structure(moa) : Optional.empty();
        if (structure.filter(s -> s.active() && s.moa()).isEmpty()) {
            return RoutingDecision.refuse(Finding.of(FindingCode.CIRCUIT_MOA_NON_HABILITEE, MOA, moa));
        }
        if (!receivesInvoices(moa)) {
            return RoutingDecision.refuse(Finding.of(FindingCode.CIRCUIT_MOA_INCONNUE, MOA, moa));
        }
        return decision.heldBy(new Hold(moe, InvoiceStatus.A_VALIDER_MOE, moa));
    }

    private boolean receivesInvoices(String siret) {
        return SIRET.matcher(siret).matches() && mailboxes.recipientPartner(siret).isPresent();
    }
}
