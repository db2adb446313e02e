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
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.validation.Finding;
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
 * batched statements, 02 En cours d'acheminement and 03 Mise à disposition, or 04 / 05 with the reason.
 * A delivery already made by an interrupted run is honoured as is (exactly once), even if the directory
 * changed since. One writer per step execution (step scope): it counts what the run delivered, recycled
 * and rejected.
 */
public class RoutingOutcomeWriter implements ItemWriter<RoutedInvoice>, StepExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingOutcomeWriter.class);
    private static final Pattern SIRET = Pattern.compile("[0-9]{14}");

    private final InvoiceLedger ledger;
    private final InvoiceDelivery delivery;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final RoutingMetrics metrics;
    private int deliveredCount;
    private int recycledCount;
    private int rejectedCount;

    public RoutingOutcomeWriter(InvoiceLedger ledger, InvoiceDelivery delivery, JdbcTemplate jdbc, Clock clock,
                                RoutingMetrics metrics) {
        this.ledger = ledger;
        this.delivery = delivery;
        this.jdbc = jdbc;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void write(Chunk<? extends RoutedInvoice> chunk) throws Exception {
        Instant now = clock.instant();
        List<Change> routing = new ArrayList<>(chunk.size());
        List<Change> outcomes = new ArrayList<>(chunk.size());
        List<Object[]> deliveries = new ArrayList<>(chunk.size());
        int deliveredBefore = deliveredCount;
        int recycledBefore = recycledCount;
        int rejectedBefore = rejectedCount;
        for (RoutedInvoice routed : chunk) {
            try (MDC.MDCCloseable logContext = MDC.putCloseable("invoiceId", routed.candidate().invoiceId())) {
                decide(routed, now, routing, outcomes, deliveries);
            }
        }
        ledger.changeAll(routing);
        ledger.changeAll(outcomes);
        jdbc.batchUpdate("UPDATE invoice SET recipient_siret = ?, routed_service = ?, delivery_path = ? WHERE invoice_id = ?",
                deliveries);
        metrics.countAfterCommit(deliveredCount - deliveredBefore, recycledCount - recycledBefore,
                rejectedCount - rejectedBefore);
    }

    private void decide(RoutedInvoice routed, Instant now, List<Change> routing, List<Change> outcomes,
                        List<Object[]> deliveries) throws IOException {
        RoutingCandidate invoice = routed.candidate();
        RoutingDecision decision = routed.decision();
        String id = invoice.invoiceId();
        routing.add(new Change(id, InvoiceStatus.DEPOSEE, InvoiceStatus.EN_COURS_ACHEMINEMENT, Actor.PLATFORM, null,
                "Acheminement en cours", now));
        // deliver() itself honours a file an interrupted run already journaled (taken by the recipient since, or
        // not); a decision that no longer delivers (the directory changed since) must honour it too.
        Optional<Path> earlier = decision.delivered() ? Optional.empty() : earlierDelivery(invoice);
        if (decision.delivered() || earlier.isPresent()) {
            String recipient = decision.delivered() ? decision.recipientSiret() : invoice.request().buyerSiret();
            Path file = decision.delivered()
                    ? delivery.deliver(id, invoice.flowId(), invoice.docRank(), recipient, invoice.entryName(),
                            invoice.resend(), 1)
                    : earlier.get();
            outcomes.add(new Change(id, InvoiceStatus.EN_COURS_ACHEMINEMENT, InvoiceStatus.MISE_A_DISPOSITION,
                    Actor.PLATFORM, null, (invoice.resend() == Resend.RECYCLEE ? "Renvoi après recyclage : " : "")
                    + "Mise à disposition de " + recipient + " : " + file.getFileName(), now));
            deliveries.add(new Object[] {recipient, decision.serviceCode(), file.toString(), id});
            deliveredCount++;
            LOG.debug("Invoice {}: delivered to {} as {}", id, recipient, file.getFileName());
        } else {
            Finding reason = decision.findings().get(0);
            outcomes.add(new Change(id, InvoiceStatus.EN_COURS_ACHEMINEMENT, decision.status(), Actor.PLATFORM,
                    reason.code(), reason.message(), now));
            if (decision.status() == InvoiceStatus.A_RECYCLER) {
                recycledCount++;
            } else {
                rejectedCount++;
            }
            LOG.debug("Invoice {}: sent back {} ({})", id, decision.status().code(), reason.code());
        }
    }

    /** Counts of this run, shown by {@code job list}. */
    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        stepExecution.getExecutionContext().putInt("delivered", deliveredCount);
        stepExecution.getExecutionContext().putInt("recycled", recycledCount);
        stepExecution.getExecutionContext().putInt("rejected", rejectedCount);
        return stepExecution.getExitStatus().addExitDescription(
                "delivered=" + deliveredCount + " recycled=" + recycledCount + " rejected=" + rejectedCount);
    }

    private Optional<Path> earlierDelivery(RoutingCandidate invoice) throws IOException {
        String buyer = invoice.request().buyerSiret();
        return buyer != null && SIRET.matcher(buyer).matches()
                ? delivery.alreadyDelivered(invoice.invoiceId(), buyer, invoice.entryName(), invoice.resend(), 1)
                : Optional.empty();
    }
}
