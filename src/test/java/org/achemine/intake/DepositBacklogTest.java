package org.achemine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.achemine.config.AchemineProperties.Intake;
import org.apache.camel.CamelContext;
import org.apache.camel.component.seda.SedaComponent;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The intake backlog counted from real Camel seda queues: which queues are the partners' deposit queues (named
 * by {@link DepositQueues}, keyed as Camel keys them), and the count of flows waiting in them plus those in hand.
 */
class DepositBacklogTest {

    /** application.yml's intake defaults: the deposit queues' names and options depend on workers only. */
    private static final Intake INTAKE = new Intake(true, Duration.ofMillis(500), Duration.ofSeconds(1), 2,
            Duration.ofMinutes(1), DataSize.ofMegabytes(100), Duration.ofSeconds(1), 1, Duration.ofMinutes(2), 3,
            16, 32);

    private final DepositQueues queues = new DepositQueues(Set.of("FOU001", "OPE001"), INTAKE);

    @Test
    void theQueuesNamedByDepositQueuesAreDepositQueuesAsCamelKeysThem() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            // given the queues the intake routes use: each partner's, the one for partners no longer configured,
            // and a worker's consumer endpoint on one of them (the same queue)
            for (String uri : new String[] {queues.uri("FOU001"), queues.uri("OPE001"),
                    queues.uri(DepositQueues.OTHERS), queues.consumerUri("FOU001")}) {
                camel.getEndpoint(uri, SedaEndpoint.class).getQueue();
            }

            // then Camel keyed three queues, each a deposit queue
            var keys = sedaOf(camel).getQueues().keySet();
            assertThat(keys).hasSize(3).allMatch(DepositBacklog::isDepositQueue);
        }
    }

    @Test
    void aDepositQueueKeyIsItsNameWithOrWithoutTheScheme() {
        String name = "intake-deposit-FOU001";
        assertThat(queues.uri("FOU001")).startsWith("seda:" + name + "?"); // the name the keys below stand for

        assertThat(DepositBacklog.isDepositQueue("seda://" + name)).isTrue();
        assertThat(DepositBacklog.isDepositQueue("seda:" + name)).isTrue();
        assertThat(DepositBacklog.isDepositQueue(name)).isTrue();
        assertThat(DepositBacklog.isDepositQueue("seda://" + DepositQueues.QUEUE_PREFIX + DepositQueues.OTHERS)).isTrue();
    }

    @Test
    void otherQueuesAreNotDepositQueues() {
        assertThat(DepositBacklog.isDepositQueue("seda://elsewhere")).isFalse();
        // the prefix must open the name, whole
        assertThat(DepositBacklog.isDepositQueue("seda://lifecycle-" + DepositQueues.QUEUE_PREFIX + "FOU001")).isFalse();
        assertThat(DepositBacklog.isDepositQueue("seda://intake-deposit")).isFalse();
        assertThat(DepositBacklog.isDepositQueue("seda://intake-depositFOU001")).isFalse();
        // another component's endpoint of the same name is no seda queue
        assertThat(DepositBacklog.isDepositQueue("direct://" + DepositQueues.QUEUE_PREFIX + "FOU001")).isFalse();
    }

    @Test
    void countsTheFlowsWaitingInTheDepositQueuesAndThoseInHand() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            // before any queue is made, only the flows in hand
            assertThat(new DepositBacklog(camel, () -> 2).flows()).isEqualTo(2);

            // given flows waiting in two partners' deposit queues (no worker takes them) and messages in another queue
            var producer = camel.createProducerTemplate();
            for (int i = 0; i < 3; i++) {
                producer.sendBody(queues.uri("FOU001"), "flow " + i);
            }
            producer.sendBody(queues.uri(DepositQueues.OTHERS), "recovered flow");
            for (int i = 0; i < 4; i++) {
                producer.sendBody("seda:elsewhere", "not a flow " + i);
            }
            assertThat(sedaOf(camel).getQueues()).hasSize(3);

            // then the backlog is the four waiting flows plus those in a worker's hands
            assertThat(new DepositBacklog(camel, () -> 0).flows()).isEqualTo(4);
            assertThat(new DepositBacklog(camel, () -> 2).flows()).isEqualTo(6);
        }
    }

    private static SedaComponent sedaOf(CamelContext camel) {
        return (SedaComponent) camel.hasComponent("seda");
    }
}
