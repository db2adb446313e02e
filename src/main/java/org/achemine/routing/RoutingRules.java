package org.achemine.routing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.achemine.directory.DirectoryLookup;
import org.achemine.directory.PublicService;
import org.achemine.directory.PublicStructure;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.Location;

/**
 * The Chorus Pro routing rules (FACTS §1.5, §3): the recipient must be an active public structure that
 * receives invoices; the service code and engagement number must be there when the directory says so;
 * the reserved FACTURES_PUBLIQUES service is for public suppliers only; an invoice number is billed once
 * (the earliest received keeps it). These are Chorus Pro's integration checks: a failing invoice is refused
 * at integration, never 01 Déposée; the supplier corrects it and resends it, under the same number.
 */
public final class RoutingRules {

    private static final Location BUYER = Location.path("BT-46/BT-47 SIRET de l'acheteur");
    private static final Location SERVICE = Location.path("BT-10 cbc:BuyerReference / ram:BuyerReference");
    private static final Location ENGAGEMENT = Location.path("BT-13 cac:OrderReference/cbc:ID / ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID");
    private static final Location NUMBER = Location.path("BT-1 numéro de facture");

    private final DirectoryLookup directory;
    private final DuplicateRegister duplicates;

    public RoutingRules(DirectoryLookup directory, DuplicateRegister duplicates) {
        this.directory = directory;
        this.duplicates = duplicates;
    }

    /** Told the requests of a chunk before they are decided one by one: their look-ups done together. */
    public void lookAhead(List<RoutingRequest> invoices) {
        if (directory instanceof MemoizedDirectory memoized) {
            memoized.lookAhead(invoices);
        }
        duplicates.lookAhead(invoices);
    }

    public RoutingDecision decide(RoutingRequest invoice, LocalDate today) {
        Optional<PublicStructure> found = invoice.buyerSiret() == null ? Optional.empty() : directory.structure(invoice.buyerSiret());
        if (found.isEmpty()) {
            return RoutingDecision.refuse(Finding.of(FindingCode.ROUTAGE_SIRET_INCONNU, BUYER, invoice.buyerSiret()));
        }
        PublicStructure recipient = found.get();
        if (!recipient.active()) {
            return RoutingDecision.refuse(Finding.of(FindingCode.ROUTAGE_STRUCTURE_INACTIVE, BUYER,
                    recipient.identifier(), recipient.name()));
        }
        if (recipient.moaOnly()) {
            return RoutingDecision.refuse(Finding.of(FindingCode.ROUTAGE_STRUCTURE_NON_DESTINATAIRE, BUYER,
                    recipient.identifier(), recipient.name()));
        }
        PublicService service = null;
        if (invoice.hasServiceCode()) {
            Optional<PublicService> known = directory.service(recipient.identifier(), invoice.serviceCode().strip());
            if (known.isEmpty()) {
                return RoutingDecision.refuse(Finding.of(FindingCode.ROUTAGE_SERVICE_INCONNU, SERVICE,
                        invoice.serviceCode(), recipient.identifier(), recipient.name(), openCodes(recipient, today)));
            }
            service = known.get();
            if (!service.isOpenOn(today)) {
                return RoutingDecision.refuse(Finding.of(FindingCode.ROUTAGE_SERVICE_INACTIF, SERVICE,
                        service.code(), recipient.identifier(), recipient.name(), openCodes(recipient, today)));
            }
            if (PublicService.PUBLIC_INVOICES.equals(service.code()) && !isPublicStructure(invoice.supplierId())) {
                return RoutingDecision.refuse(Finding.of(FindingCode.ROUTAGE_SERVICE_RESERVE, SERVICE, invoice.supplierId()));
            }
        } else if (recipient.serviceRequired()) {
            return RoutingDecision.refuse(Finding.of(FindingCode.ROUTAGE_SERVICE_ABSENT, SERVICE,
                    recipient.identifier(), recipient.name(), openCodes(recipient, today)));
        }
        if (!invoice.hasEngagementNumber()) {
            if (recipient.engagementRequired()) {
                return RoutingDecision.refuse(Finding.of(FindingCode.ROUTAGE_ENGAGEMENT_ABSENT, ENGAGEMENT,
                        "La structure publique " + recipient.identifier() + " (" + recipient.name() + ")"));
            }
            if (service != null && service.engagementRequired()) {
                return RoutingDecision.refuse(Finding.of(FindingCode.ROUTAGE_ENGAGEMENT_ABSENT, ENGAGEMENT,
                        "Le service " + service.code() + " de la structure " + recipient.identifier()));
            }
            if (recipient.serviceOrEngagement() && service == null) {
                return RoutingDecision.refuse(Finding.of(FindingCode.ROUTAGE_SERVICE_OU_ENGAGEMENT_ABSENT, ENGAGEMENT,
                        recipient.identifier(), recipient.name()));
            }
        }
        Optional<String> earlier = duplicates.acceptedBefore(invoice);
        if (earlier.isPresent()) {
            return RoutingDecision.refuse(Finding.of(FindingCode.ROUTAGE_DOUBLON, NUMBER, invoice.invoiceNumber(),
                    invoice.supplierId(), invoice.invoiceYear(), earlier.get()));
        }
        duplicates.integrated(invoice);
        return RoutingDecision.deliver(recipient.identifier(), service == null ? null : service.code());
    }

    private boolean isPublicStructure(String supplierId) {
        return supplierId != null && directory.structure(supplierId).isPresent();
    }

    private String openCodes(PublicStructure recipient, LocalDate today) {
        List<String> codes = directory.services(recipient.identifier()).stream()
                .filter(s -> s.isOpenOn(today))
                .map(PublicService::code)
                .filter(code -> !PublicService.PUBLIC_INVOICES.equals(code))
                .toList();
        return codes.isEmpty() ? "aucun" : codes.stream().collect(Collectors.joining(", "));
    }
}
