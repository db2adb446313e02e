package org.achemine.intake;

import java.util.Set;
import java.util.concurrent.Semaphore;
import org.achemine.config.AchemineProperties.Intake;

/**
 * Per-partner fairness (ADR 0012): each partner's flows wait in their own deposit queue, served by
 * {@code achemine.intake.partner-workers} threads, and every worker takes one of {@code achemine.intake.workers}
 * slots (a fair semaphore) to run. One partner can therefore never hold every slot: while its heavy flows run,
 * the other partners' flows find a free slot at once. Flows of a partner no longer configured (recovered
 * after a configuration change) share one more queue.
 */
public class DepositQueues {

    static final String OTHERS = "autres";
    /** The deposit queues' names begin so (Camel's seda keys its queues by name). */
    static final String QUEUE_PREFIX = "intake-deposit-";
    private static final String PREFIX = "seda:" + QUEUE_PREFIX;

    private final Set<String> partners;
    private final int partnerWorkers;
    private final int size;
    private final Semaphore slots;

    public DepositQueues(Set<String> partners, Intake intake) {
        if (intake.partnerWorkers() < 1 || intake.workers() < 1) {
            throw new IllegalArgumentException("achemine.intake.workers and partner-workers must be at least 1");
        }
        this.partners = Set.copyOf(partners);
        this.partnerWorkers = intake.partnerWorkers();
        this.size = Math.max(100, 50 * intake.workers());
        this.slots = new Semaphore(intake.workers(), true);
    }

    /** The queue a flow waits in: its partner's. */
    public String uriFor(ReceivedFlow flow) {
        return uri(partners.contains(flow.partner()) ? flow.partner() : OTHERS);
    }

    /** Producers and consumers of one queue must name it with the same options (Camel's seda). */
    String uri(String queue) {
        return PREFIX + queue + "?size=" + size + "&blockWhenFull=true";
    }

    String consumerUri(String queue) {
        return uri(queue) + "&concurrentConsumers=" + partnerWorkers;
    }

    Set<String> queues() {
        return partners;
    }

    /** Waits, in arrival order, for one of the engine's worker slots. */
    void acquireSlot() throws InterruptedException {
        slots.acquire();
    }

    void releaseSlot() {
        slots.release();
    }
}
