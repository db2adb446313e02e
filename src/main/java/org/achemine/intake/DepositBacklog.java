package org.achemine.intake;

import java.util.function.IntSupplier;
import org.achemine.batch.IntakeBacklog;
import org.apache.camel.CamelContext;
import org.apache.camel.component.seda.QueueReference;
import org.apache.camel.component.seda.SedaComponent;

/**
 * Flows taken and not yet answered, counted in memory at each look: those waiting in the partners' deposit queues
 * plus those in a worker's hands until their deposit report is written ({@link FlowDeposit#inHand}). Exact and
 * cheap (a queue's size is a counter): batch runs look at it between chunks ({@link org.achemine.batch.IntakeYield}).
 */
public class DepositBacklog implements IntakeBacklog {

    private final CamelContext camel;
    private final IntSupplier inHand;

    /** @param inHand flows in a worker's hands now ({@link FlowDeposit#inHand}) */
    public DepositBacklog(CamelContext camel, IntSupplier inHand) {
        this.camel = camel;
        this.inHand = inHand;
    }

    @Override
    public int flows() {
        int queued = 0;
        if (camel.hasComponent("seda") instanceof SedaComponent seda) { // none before the first queue is made
            for (var queue : seda.getQueues().entrySet()) {
                if (isDepositQueue(queue.getKey())) {
                    queued += waiting(queue.getValue());
                }
            }
        }
        return queued + inHand.getAsInt();
    }

    /** Camel keys a queue by its endpoint's URI before the options ({@code seda://intake-deposit-FOU001}). */
    static boolean isDepositQueue(String key) {
        return key.replaceFirst("^seda:(//)?", "").startsWith(DepositQueues.QUEUE_PREFIX);
    }

    private static int waiting(QueueReference queue) {
        return queue.getQueue() == null ? 0 : queue.getQueue().size();
    }
}
