package org.achemine.intake;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.processor.aggregate.AggregateController;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;

/**
 * A mailbox poll begins only once the Camel context has started and while the {@link IntakeGate} is open: a
 * paused mailbox is not even listed, its files stay in {@code in/} as they are. When the poll ends, the files it handed over and not yet taken are
 * taken as one group ({@link FlowReception#takeAll}): a group is what one poll found settled, never waited for.
 * Errors are handled as by Camel's default strategy.
 */
class GatedPollStrategy extends DefaultPollingConsumerPollStrategy {

    private final IntakeGate gate;
    private final AggregateController takeGroups;

    GatedPollStrategy(IntakeGate gate, AggregateController takeGroups) {
        this.gate = gate;
        this.takeGroups = takeGroups;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        // a poll before the Camel context has finished starting would hand files to a take group that Camel
        // refuses to complete until then (one WARN per mailbox at start-up): the first poll waits for the start
        return endpoint.getCamelContext().getStatus().isStarted() && gate.isOpen();
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        takeGroups.forceCompletionOfAllGroups();
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception e) throws Exception {
        takeGroups.forceCompletionOfAllGroups(); // what was handed over before the error is taken all the same
        return super.rollback(consumer, endpoint, retryCounter, e);
    }
}
