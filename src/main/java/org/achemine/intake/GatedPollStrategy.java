package org.achemine.intake;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;

/**
 * A mailbox poll begins only while the {@link IntakeGate} is open: a paused mailbox is not even listed, its
 * files stay in {@code in/} as they are. Errors are handled as by Camel's default strategy.
 */
class GatedPollStrategy extends DefaultPollingConsumerPollStrategy {

    private final IntakeGate gate;

    GatedPollStrategy(IntakeGate gate) {
        this.gate = gate;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return gate.isOpen();
    }
}
