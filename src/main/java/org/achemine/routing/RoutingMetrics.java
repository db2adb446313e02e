package org.achemine.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Routing's counters (Prometheus: {@code achemine_invoices_routed_total{outcome=delivered|refused}}
 * and {@code achemine_invoices_delivered_total}), production only; qualification invoices (ADR 0025) are
 * counted apart in {@code achemine_qualification_invoices_routed_total}. A chunk is counted once its transaction commits: a chunk
 * rolled back and routed again by the next run is counted once.
 */
public class RoutingMetrics {

    private final Counter delivered;
    private final Counter refused;
    private final Counter deliveredToRecipients;
    private final Counter qualification;

    public RoutingMetrics(MeterRegistry registry) {
        delivered = routed(registry, "delivered");
        refused = routed(registry, "refused");
        deliveredToRecipients = Counter.builder("achemine.invoices.delivered")
                .description("Invoices written to their recipient's mailbox (status 03 Mise à disposition)")
                .register(registry);
        qualification = Counter.builder("achemine.qualification.invoices.routed")
                .description("Qualification invoices through routing's checks (never delivered, never in production counts)")
                .register(registry);
    }

    private static Counter routed(MeterRegistry registry, String outcome) {
        return Counter.builder("achemine.invoices.routed")
                .description("Invoices routed, by outcome: delivered (03), refused at integration (213)")
                .tag("outcome", outcome)
                .register(registry);
    }

    /** Counts a chunk's outcomes when the current transaction commits (at once if there is none). */
    void countAfterCommit(int deliveredCount, int refusedCount, int qualificationCount) {
        Runnable count = () -> {
            qualification.increment(qualificationCount);
            delivered.increment(deliveredCount);
            deliveredToRecipients.increment(deliveredCount);
            refused.increment(refusedCount);
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count.run();
                }
            });
        } else {
            count.run();
        }
    }
}
