package org.achemine.routing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.achemine.delivery.InvoiceDelivery;
import org.achemine.delivery.Resend;
import org.achemine.lifecycle.Actor;
import org.achemine.lifecycle.InvoiceLedger;
import org.achemine.lifecycle.InvoiceLedger.Change;
import org.achemine.lifecycle.InvoiceLedger.NewInvoice;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.routing.IntegrationRefusals.Refusal;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Applies a chunk of routing decisions in the chunk's transaction: deliveries first (files), then, in a few
 * batched statements, the integrated invoices recorded 01 Déposée, moved to 02 En cours d'acheminement and
 * 03 Mise à disposition, and the refusals at integration recorded with their reason (never an invoice
 * status). A delivery already made by an interrupted run is honoured as is (exactly once), even if the
 * directory changed since. One writer per step execution (step scope): it counts what the run delivered
 * and refused.
 */
public class RoutingOutcomeWriter implements ItemWriter<RoutedInvoice>, StepExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingOutcomeWriter.class);
    private static final Pattern SIRET = Pattern.compile("[0-9]{14}");

    private final InvoiceLedger ledger;
    private final IntegrationRefusals refusals;
    private final InvoiceDelivery delivery;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final RoutingMetrics metrics;
    private int deliveredCount;
    private int refusedCount;

    public RoutingOutcomeWriter(InvoiceLedger ledger, IntegrationRefusals refusals, InvoiceDelivery delivery,
                                JdbcTemplate jdbc, Clock clock, RoutingMetrics metrics) {
        this.ledger = ledger;
        this.refusals = refusals;
        this.delivery = delivery;
        this.jdbc = jdbc;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void write(Chunk<? extends RoutedInvoice> chunk) throws Exception {
        Instant now = clock.instant();
        List<NewInvoice> integrated = new ArrayList<>(chunk.size());
        List<Change> routing = new ArrayList<>(chunk.size());
        List<Change> outcomes = new ArrayList<>(chunk.size());
        List<Object[]> deliveries = new ArrayList<>(chunk.size());
        List<Refusal> refused = new ArrayList<>();
        for (RoutedInvoice routed : chunk) {
            try (MDC.MDCCloseable logContext = MDC.putCloseable("invoiceId", routed.candidate().invoiceId())) {
                Optional<Path> file = deliver(routed);
                if (file.isPresent()) {
                    integrate(routed, file.get(), now, integrated, routing, outcomes, deliveries);
                } else {
                    refused.add(new Refusal(routed.candidate(), routed.decision()));
                    LOG.debug("Invoice {}: refused at integration ({})", routed.candidate().invoiceId(),
                            routed.decision().refusal().code());
                }
            }
        }
        ledger.integrate(integrated, now);
        ledger.changeAll(routing);
        ledger.changeAll(outcomes);
        jdbc.batchUpdate("UPDATE invoice SET recipient_siret = ?, routed_service = ?, delivery_path = ? WHERE invoice_id = ?",
                deliveries);
        refusals.record(refused, now);
        deliveredCount += integrated.size();
        refusedCount += refused.size();
        metrics.countAfterCommit(integrated.size(), refused.size());
    }

    /**
     * The delivered file: delivered now, or already by an interrupted run. deliver() itself honours a file an
     * interrupted run already journaled (taken by the recipient since, or not); a decision that no longer
     * delivers (the directory changed since) must honour it too.
     */
    private Optional<Path> deliver(RoutedInvoice routed) throws IOException {
        RoutingCandidate invoice = routed.candidate();
        RoutingDecision decision = routed.decision();
        if (decision.delivered()) {
            return Optional.of(delivery.deliver(invoice.invoiceId(), invoice.flowId(), invoice.docRank(),
                    decision.recipientSiret(), invoice.entryName(), invoice.resend(), 1));
        }
        return earlierDelivery(invoice);
    }

    private static void integrate(RoutedInvoice routed, Path file, Instant now, List<NewInvoice> integrated,
                                  List<Change> routing, List<Change> outcomes, List<Object[]> deliveries) {
        RoutingCandidate invoice = routed.candidate();
        RoutingRequest request = invoice.request();
        String id = invoice.invoiceId();
        String recipient = routed.decision().delivered() ? routed.decision().recipientSiret() : request.buyerSiret();
        integrated.add(new NewInvoice(id, invoice.flowId(), invoice.docRank(), request.supplierId(),
                request.invoiceNumber(), request.yearOrNull(), request.buyerSiret(), request.serviceCode(),
                request.engagementNumber()));
        routing.add(new Change(id, InvoiceStatus.DEPOSEE, InvoiceStatus.EN_COURS_ACHEMINEMENT, Actor.PLATFORM, null,
                "Acheminement en cours", now));
        outcomes.add(new Change(id, InvoiceStatus.EN_COURS_ACHEMINEMENT, InvoiceStatus.MISE_A_DISPOSITION,
                Actor.PLATFORM, null, (invoice.resend() == Resend.RECYCLEE ? "Renvoi après recyclage : " : "")
                + "Mise à disposition de " + recipient + " : " + file.getFileName(), now));
        deliveries.add(new Object[] {recipient, routed.decision().serviceCode(), file.toString(), id});
        LOG.debug("Invoice {}: delivered to {} as {}", id, recipient, file.getFileName());
    }

    /** Counts of this run, shown by {@code job list}. */
    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        stepExecution.getExecutionContext().putInt("delivered", deliveredCount);
        stepExecution.getExecutionContext().putInt("refused", refusedCount);
        return stepExecution.getExitStatus().addExitDescription(
                "delivered=" + deliveredCount + " refused=" + refusedCount);
    }

    private Optional<Path> earlierDelivery(RoutingCandidate invoice) throws IOException {
        String buyer = invoice.request().buyerSiret();
        return buyer != null && SIRET.matcher(buyer).matches()
                ? delivery.alreadyDelivered(invoice.invoiceId(), buyer, invoice.entryName(), invoice.resend(), 1)
                : Optional.empty();
    }
}
