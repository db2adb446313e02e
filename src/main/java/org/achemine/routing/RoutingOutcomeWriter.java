package org.achemine.routing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.achemine.delivery.InvoiceDelivery;
import org.achemine.delivery.InvoiceDelivery.Order;
import org.achemine.delivery.InvoiceDelivery.StagedChunk;
import org.achemine.delivery.Resend;
import org.achemine.lifecycle.Actor;
import org.achemine.lifecycle.InvoiceLedger;
import org.achemine.lifecycle.InvoiceLedger.Change;
import org.achemine.lifecycle.InvoiceLedger.MovedOn;
import org.achemine.lifecycle.InvoiceLedger.NewInvoice;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.publication.PublicationJournal.Journaled;
import org.achemine.publication.PublicationJournal.Renamed;
import org.achemine.routing.IntegrationRefusals.Refusal;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Applies a chunk of routing decisions in the chunk's transaction: deliveries first (the chunk's files in one
 * group publication), then, in a few batched statements, the integrated invoices inserted once with their
 * history 01 Déposée, 02 En cours d'acheminement and 03 Mise à disposition, and the refusals at integration
 * recorded with their reason (never an invoice status). An invoice of a validation circuit goes 01 → its circuit
 * status, delivered to the circuit's party instead ({@link CircuitHook}). A delivery already made by an interrupted run is honoured as is (exactly once), even if the
 * directory changed since. One writer per step execution (step scope): it counts what the run delivered
 * and refused.
 */
public class RoutingOutcomeWriter implements ItemWriter<RoutedInvoice>, StepExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingOutcomeWriter.class);
    private static final Pattern SIRET = Pattern.compile("[0-9]{14}");

    private final InvoiceLedger ledger;
    private final IntegrationRefusals refusals;
    private final InvoiceDelivery delivery;
    private final Clock clock;
    private final RoutingMetrics metrics;
    private final CircuitHook circuits;
    private int deliveredCount;
    private int refusedCount;
    private int qualificationCount;
    /** The journal's marks of the last chunk's deliveries, committed with the next chunk's (or after the last). */
    private Renamed owed = Renamed.NONE;
    /** A committed chunk's deliveries whose renames failed: renamed before the next chunk, or after the last. */
    private Journaled leftToRename;

    public RoutingOutcomeWriter(InvoiceLedger ledger, IntegrationRefusals refusals, InvoiceDelivery delivery,
                                Clock clock, RoutingMetrics metrics) {
        this(ledger, refusals, delivery, clock, metrics, CircuitHook.NONE);
    }

    /** @param circuits remembers the invoices held for a validation circuit (delivered to its party first) */
    public RoutingOutcomeWriter(InvoiceLedger ledger, IntegrationRefusals refusals, InvoiceDelivery delivery,
                                Clock clock, RoutingMetrics metrics, CircuitHook circuits) {
        this.circuits = circuits;
        this.ledger = ledger;
        this.refusals = refusals;
        this.delivery = delivery;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void write(Chunk<? extends RoutedInvoice> chunk) throws Exception {
        renameLeftOver();
        Instant now = clock.instant();
        StagedChunk staged = stageDeliveries(chunk);
        Recorded recorded;
        Journaled journaled;
        try {
            recorded = record(chunk, deliveredFiles(chunk, staged), now);
            // the files' rows PENDING and the previous chunk's marks, in this chunk's transaction (ADR 0031)
            journaled = staged.journal(owed);
        } catch (IOException | RuntimeException failed) {
            staged.abandon();
            throw failed;
        }
        renameOnceCommitted(journaled);
        deliveredCount += recorded.delivered();
        refusedCount += recorded.refused();
        qualificationCount += recorded.qualified();
        metrics.countAfterCommit(recorded.delivered(), recorded.refused(), recorded.qualified());
    }

    /**
     * The chunk's files renamed into place once its transaction has committed their rows (never before: a chunk
     * rolled back cannot un-journal a file a recipient may hold); their marks then owed to the next chunk. A
     * rename that fails after the commit is tried again before the next chunk (which fails if it fails again) and
     * after the last; until then the rows are {@code PENDING} with their temporary files, which start-up finishes.
     * Rolled back, the chunk's temporary files are removed (nothing of it journaled); an unknown outcome leaves
     * them, for start-up to finish or sweep.
     */
    private void renameOnceCommitted(Journaled journaled) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                owed = Renamed.NONE; // the previous chunk's marks were committed with this chunk
                try {
                    owed = journaled.rename();
                } catch (IOException | RuntimeException failed) {
                    leftToRename = journaled;
                    LOG.warn("A routing chunk's deliveries, journaled, could not all be renamed into place; tried again"
                            + " before the next chunk", failed);
                }
            }

            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_ROLLED_BACK) {
                    journaled.abandon(new IOException("routing chunk rolled back: its deliveries were not journaled"));
                }
            }
        });
    }

    /** The renames a committed chunk could not make, made before anything else (their marks then owed). */
    private void renameLeftOver() throws IOException {
        if (leftToRename != null) {
            owed = leftToRename.rename();
            leftToRename = null;
        }
    }

    /** What a chunk recorded: production invoices delivered and refused, qualification invoices (either). */
    private record Recorded(int delivered, int refused, int qualified) {
    }

    /**
     * The chunk's invoices and refusals, in the chunk's transaction, written while the disk forces the chunk's
     * files: nothing here needs them on disk, and nothing here is committed before they are journaled.
     */
    private Recorded record(Chunk<? extends RoutedInvoice> chunk, List<Path> delivered, Instant now) throws IOException {
        List<Optional<Path>> earlier = earlierDeliveries(chunk, delivered);
        List<MovedOn> integrated = new ArrayList<>(chunk.size());
        List<Refusal> refused = new ArrayList<>();
        int qualified = 0;
        List<RoutedInvoice> held = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            RoutedInvoice routed = chunk.getItems().get(i);
            try (MDC.MDCCloseable logContext = MDC.putCloseable("invoiceId", routed.candidate().invoiceId())) {
                if (inQualification(routed)) {
                    qualified++; // counted apart from production, accepted or refused
                    if (routed.decision().delivered()) {
                        integrated.add(acceptedInQualification(routed));
                        continue;
                    }
                }
                Optional<Path> file = delivered.get(i) != null ? Optional.of(delivered.get(i)) : earlier.get(i);
                if (file.isPresent()) {
                    integrated.add(integrated(routed, file.get(), now));
                    if (routed.decision().held()) {
                        held.add(routed);
                    }
                } else {
                    refused.add(new Refusal(routed.candidate(), routed.decision()));
                    LOG.debug("Invoice {}: refused at integration ({})", routed.candidate().invoiceId(),
                            routed.decision().refusal().code());
                }
            }
        }
        ledger.integrateMovedOn(integrated, now);
        circuits.entered(held, now);
        refusals.record(refused, now);
        int production = chunk.size() - qualified;
        int productionRefused = (int) refused.stream()
                .filter(r -> !r.candidate().request().environment().isQualification()).count();
        return new Recorded(production - productionRefused, productionRefused, qualified);
    }

    /**
     * The chunk's deliveries begun as one group publication: contents made, files written and forced to disk on the
     * group threads; one journal commit for the chunk, which also marks the previous chunk's deliveries published,
     * follows in {@link #write} once the chunk's rows are written. The journal honours a file an interrupted run
     * already journaled (taken by the recipient since, or not).
     */
    private StagedChunk stageDeliveries(Chunk<? extends RoutedInvoice> chunk) {
        List<Order> orders = new ArrayList<>(chunk.size());
        for (RoutedInvoice routed : chunk) {
            RoutingCandidate invoice = routed.candidate();
            if (delivers(routed)) {
                orders.add(new Order(invoice.invoiceId(), invoice.flowId(), invoice.docRank(),
                        routed.decision().deliveredTo(), invoice.entryName(), invoice.resend(), 1));
            }
        }
        return delivery.stageChunk(orders);
    }

    /** Each invoice's delivered file (fixed by the invoice, known before it is published); null where none. */
    private static List<Path> deliveredFiles(Chunk<? extends RoutedInvoice> chunk, StagedChunk staged) {
        Iterator<Path> files = staged.files().iterator();
        List<Path> delivered = new ArrayList<>(chunk.size());
        for (RoutedInvoice routed : chunk) {
            delivered.add(delivers(routed) ? files.next() : null);
        }
        return delivered;
    }

    /** A qualification invoice passes the same checks and is never delivered to a real recipient (ADR 0025). */
    private static boolean delivers(RoutedInvoice routed) {
        return routed.decision().delivered() && !inQualification(routed);
    }

    private static boolean inQualification(RoutedInvoice routed) {
        return routed.candidate().request().environment().isQualification();
    }

    /**
     * A qualification invoice that passed every platform check: integrated, and left in 01 Déposée, its end in
     * qualification (no recipient is ever told, so no recipient's status can follow): no recipient, no
     * delivery (its buyer is still the SIRET it names).
     */
    private static MovedOn acceptedInQualification(RoutedInvoice routed) {
        RoutingCandidate invoice = routed.candidate();
        LOG.debug("Invoice {}: accepted in qualification, not delivered (would go to {})", invoice.invoiceId(),
                routed.decision().recipientSiret());
        return new MovedOn(newInvoice(invoice), List.of(), null, null, null);
    }

    private static NewInvoice newInvoice(RoutingCandidate invoice) {
        RoutingRequest request = invoice.request();
        return new NewInvoice(invoice.invoiceId(), invoice.flowId(), invoice.docRank(), request.supplierId(),
                request.invoiceNumber(), request.yearOrNull(), request.buyerSiret(), request.serviceCode(),
                request.engagementNumber());
    }

    /** An invoice delivered: 01, then 02 En cours d'acheminement and 03 Mise à disposition, with where it went. */
    private static MovedOn integrated(RoutedInvoice routed, Path file, Instant now) {
        RoutingCandidate invoice = routed.candidate();
        RoutingRequest request = invoice.request();
        String id = invoice.invoiceId();
        String recipient = routed.decision().delivered() ? routed.decision().recipientSiret() : request.buyerSiret();
        RoutingDecision.Hold hold = routed.decision().hold();
        NewInvoice integrated = newInvoice(invoice);
        if (hold != null) {
            // a validation circuit: the file went to its party; the recipient gets it once the circuit lets it go
            LOG.debug("Invoice {}: delivered to the circuit's party {} as {}", id, hold.partySiret(), file.getFileName());
            return new MovedOn(integrated, List.of(new Change(id, InvoiceStatus.DEPOSEE, hold.status(), Actor.PLATFORM,
                    null, hold.status().label() + " : mise à disposition de " + hold.partySiret() + " : "
                    + file.getFileName(), now)), hold.partySiret(), null, file.toString());
        }
        List<Change> changes = List.of(
                new Change(id, InvoiceStatus.DEPOSEE, InvoiceStatus.EN_COURS_ACHEMINEMENT, Actor.PLATFORM, null,
                        "Acheminement en cours", now),
                new Change(id, InvoiceStatus.EN_COURS_ACHEMINEMENT, InvoiceStatus.MISE_A_DISPOSITION, Actor.PLATFORM,
                        null, (invoice.resend() == Resend.RECYCLEE ? "Renvoi après recyclage : " : "")
                        + "Mise à disposition de " + recipient + " : " + file.getFileName(), now));
        LOG.debug("Invoice {}: delivered to {} as {}", id, recipient, file.getFileName());
        return new MovedOn(integrated, changes, recipient, routed.decision().serviceCode(), file.toString());
    }

    /** Counts of this run, shown by {@code job list}; the last chunk's delivery marks committed. */
    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        try {
            renameLeftOver();
            delivery.markPublished(owed);
            owed = Renamed.NONE;
        } catch (IOException | RuntimeException failed) {
            // the rows are PENDING, their files renamed or still waiting under their temporary names: start-up
            // finishes them
            LOG.warn("The last routing chunk's deliveries stay PENDING in the journal until the next start", failed);
        }
        stepExecution.getExecutionContext().putInt("delivered", deliveredCount);
        stepExecution.getExecutionContext().putInt("refused", refusedCount);
        stepExecution.getExecutionContext().putInt("qualification", qualificationCount);
        return stepExecution.getExitStatus().addExitDescription(
                "delivered=" + deliveredCount + " refused=" + refusedCount
                        + (qualificationCount == 0 ? "" : " qualification=" + qualificationCount));
    }

    /**
     * The files an interrupted run delivered for the chunk's invoices whose decision no longer delivers (the
     * directory changed since), honoured as is: one look-up of the journal for the chunk; empty elsewhere.
     */
    private List<Optional<Path>> earlierDeliveries(Chunk<? extends RoutedInvoice> chunk, List<Path> delivered)
            throws IOException {
        List<Order> asked = new ArrayList<>();
        List<Integer> askedFor = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            RoutedInvoice routed = chunk.getItems().get(i);
            RoutingCandidate invoice = routed.candidate();
            String buyer = invoice.request().buyerSiret();
            boolean acceptedInQualification = inQualification(routed) && routed.decision().delivered();
            if (delivered.get(i) == null && !acceptedInQualification && buyer != null && SIRET.matcher(buyer).matches()) {
                asked.add(new Order(invoice.invoiceId(), invoice.flowId(), invoice.docRank(), buyer, invoice.entryName(),
                        invoice.resend(), 1));
                askedFor.add(i);
            }
        }
        List<Optional<Path>> earlier = new ArrayList<>(Collections.nCopies(chunk.size(), Optional.empty()));
        List<Optional<Path>> found = delivery.alreadyDeliveredAll(asked);
        for (int n = 0; n < askedFor.size(); n++) {
            earlier.set(askedFor.get(n), found.get(n));
        }
        return earlier;
    }
}
