package org.achemine.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.achemine.validation.FlowState;

/**
 * Intake's counters (Prometheus: {@code achemine_flows_received_total},
 * {@code achemine_flows_reported_total{state}}, {@code achemine_flows_parked_total}), the {@code achemine_intake_paused}
 * gauge (1 while {@link IntakeGate} holds files back) and the watchdog's gauges {@code achemine_intake_flows_in_progress}
 * and {@code achemine_intake_flows_overdue} ({@link FlowWatchdog}). Counters are created once: counting a flow is one
 * atomic add.
 */
public class IntakeMetrics {

    private final Counter received;
    private final Counter parked;
    private final Map<FlowState, Counter> reported = new EnumMap<>(FlowState.class);

    public IntakeMetrics(MeterRegistry registry, IntakeGate gate, FlowWatchdog watchdog) {
        received = Counter.builder("achemine.flows.received")
                .description("Flows taken from the partners' in/ (archived and recorded)")
                .register(registry);
        for (FlowState state : FlowState.values()) {
            reported.put(state, Counter.builder("achemine.flows.reported")
                    .description("Flows answered with a deposit report, by flow state")
                    .tag("state", state.name())
                    .register(registry));
        }
        parked = Counter.builder("achemine.flows.parked")
                .description("Flows answered with an incident report (a check broke at every attempt) and parked")
                .register(registry);
        Gauge.builder("achemine.intake.paused", gate, g -> g.isOpen() ? 0 : 1)
                .description("1 while intake is paused (disk space or database), 0 otherwise")
                .register(registry);
        Gauge.builder("achemine.intake.flows.in.progress", watchdog, FlowWatchdog::inProgressCount)
                .description("Flows in their checks now")
                .register(registry);
        Gauge.builder("achemine.intake.flows.overdue", watchdog, w -> w.overdue().size())
                .description("Flows in their checks for longer than achemine.intake.check-time-limit")
                .register(registry);
    }

    /** Counts one flow taken; the flow goes on unchanged (a step of the mailbox route). */
    public ReceivedFlow received(ReceivedFlow flow) {
        received.increment();
        return flow;
    }

    public void reported(FlowState state) {
        reported.get(state).increment();
    }

    public void parked() {
        parked.increment();
    }
}
