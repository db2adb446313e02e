package org.achemine.circuit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.achemine.delivery.ArchivedDocuments;
import org.achemine.directory.DirectoryLookup;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.mailbox.Mailboxes;
import org.achemine.routing.CircuitHook;
import org.achemine.routing.RoutedInvoice;
import org.achemine.routing.RoutingCandidate;
import org.achemine.routing.RoutingDecision;
import org.achemine.routing.RoutingDecision.Hold;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.Location;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Starts the circuit of an invoice routing would deliver, when its cadre asks for one (A9, A12): the
 * validator the invoice names must be a partner whose mailbox receives invoices (role RECIPIENT or BOTH serving
 * that SIRET), else the invoice is refused at integration like any failed platform check. A held invoice goes
 * 01 → 13 À valider, delivered to the validator; its recipient, service and answer deadline are remembered.
 * A works invoice ({@link WorksParties}) goes 01 → 17 À valider MOE, delivered to its MOE, its MOA remembered.
 */
public class ValidationCircuits implements CircuitHook {

    private static final Pattern SIRET = Pattern.compile("[0-9]{14}");
    private static final Location VALIDATOR = Location.path("BT-122 référence (BT-123 = VALIDEUR)");

    private final ArchivedDocuments documents;
    private final Mailboxes mailboxes;
    private final JdbcTemplate jdbc;
    private final Duration delay;
    private final WorksParties works;
    private final Duration moeDelay;

    public ValidationCircuits(ArchivedDocuments documents, Mailboxes mailboxes, DirectoryLookup directory,
                              JdbcTemplate jdbc, CircuitProperties properties) {
        this.documents = documents;
        this.mailboxes = mailboxes;
        this.jdbc = jdbc;
        this.delay = properties.validationDelay();
        this.works = new WorksParties(mailboxes, directory);
        this.moeDelay = properties.moeDelay();
    }

    @Override
    public RoutingDecision review(RoutingCandidate invoice, RoutingDecision decision) {
        if (CircuitCadres.isWorks(invoice.billingFramework())) {
            return works.review(invoice, decision, document(invoice));
        }
        if (!CircuitCadres.needsValidator(invoice.billingFramework())) {
            return decision;
        }
        Optional<String> named = NamedValidator.of(document(invoice));
        if (named.isEmpty()) {
            return RoutingDecision.refuse(Finding.of(FindingCode.CIRCUIT_VALIDEUR_ABSENT, VALIDATOR,
                    invoice.billingFramework()));
        }
        String validator = named.get();
        if (!SIRET.matcher(validator).matches() || mailboxes.recipientPartner(validator).isEmpty()) {
            return RoutingDecision.refuse(Finding.of(FindingCode.CIRCUIT_VALIDEUR_INCONNU, VALIDATOR, validator));
        }
        return decision.heldBy(new Hold(validator, InvoiceStatus.A_VALIDER));
    }

    private InvoiceDocument document(RoutingCandidate invoice) {
        try {
            return documents.document(invoice.flowId(), invoice.docRank());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable); // the archive is broken: the run fails and is retried
        }
    }

    /** Remembers each held invoice: its party (the validator, or the MOE then the MOA), its deadline, its recipient. */
    @Override
    public void entered(List<RoutedInvoice> held, Instant at) {
        jdbc.batchUpdate("INSERT INTO invoice_circuit (invoice_id, circuit_role, party_siret, due_at, buyer_siret,"
                        + " buyer_service, moa_siret) VALUES (?, ?, ?, ?, ?, ?, ?)",
                held.stream().map(routed -> {
                    Hold hold = routed.decision().hold();
                    boolean works = hold.status() == InvoiceStatus.A_VALIDER_MOE;
                    return new Object[] {routed.candidate().invoiceId(), works ? "MOE" : "VALIDATOR",
                        hold.partySiret(), at.plus(works ? moeDelay : delay).atOffset(ZoneOffset.UTC),
                        routed.decision().recipientSiret(), routed.decision().serviceCode(), hold.nextPartySiret()};
                }).toList());
    }
}
