package org.achemine.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.achemine.intake.FlowId;
import org.achemine.intake.FlowWatchdog;
import org.achemine.intake.IntakeCondition;
import org.achemine.intake.IntakeGate;
import org.achemine.intake.IntakeMetrics;
import org.achemine.intake.ReceivedFlow;
import org.achemine.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The watchdog: a flow in its checks past the time limit turns intake health DEGRADED and shows in metrics. */
class IntakeHealthIndicatorTest {

    private final MutableClock clock = new MutableClock();
    private final FlowWatchdog watchdog = new FlowWatchdog(Duration.ofMinutes(2), clock);
    private final IntakeGate openGate = new IntakeGate(List.of(), "data", clock);
    private final IntakeHealthIndicator health = new IntakeHealthIndicator(openGate, watchdog, true);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void aFlowInItsChecksPastTheLimitDegradesHealthAndCountsAsOverdueUntilItEnds() {
        // given the intake metrics, and a flow whose checks begin
        new IntakeMetrics(meters, openGate, watchdog);
        ReceivedFlow flow = flow("ACH0011301000000000000042", "COL001");
        FlowWatchdog.Watch watch = watchdog.watch(flow);

        // when it is in its checks for less than the limit, then for more
        clock.advance(Duration.ofMinutes(2));
        Health inTime = health.health();
        double overdueInTime = gauge("achemine.intake.flows.overdue");
        clock.advance(Duration.ofSeconds(1));
        Health late = health.health();
        double overdueLate = gauge("achemine.intake.flows.overdue");
        watch.close();
        Health after = health.health();

        // then health is UP, then DEGRADED naming the flow and its partner, then UP again
        assertThat(inTime.getStatus()).isEqualTo(Status.UP);
        assertThat(overdueInTime).isZero();
        assertThat(late.getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(late.getDetails().get("overdue").toString()).contains("ACH0011301000000000000042").contains("COL001");
        assertThat(late.getDetails()).containsEntry("inProgress", 1);
        assertThat(overdueLate).isEqualTo(1);
        assertThat(after.getStatus()).isEqualTo(Status.UP);
        assertThat(gauge("achemine.intake.flows.overdue")).isZero();
        assertThat(gauge("achemine.intake.flows.in.progress")).isZero();
    }

    @Test
    void aPausedIntakeStaysDownEvenWithAnOverdueFlow() {
        IntakeCondition fullDisk = new IntakeCondition() {
            @Override
            public String name() {
                return "diskSpace";
            }

            @Override
            public Optional<String> problem() {
                return Optional.of("disque plein");
            }
        };
        IntakeGate closed = new IntakeGate(List.of(fullDisk), "data", clock);
        closed.check();
        watchdog.watch(flow("ACH0011100000000000000007", "FOU001"));
        clock.advance(Duration.ofMinutes(5));

        assertThat(new IntakeHealthIndicator(closed, watchdog, true).health().getStatus()).isEqualTo(Status.DOWN);
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private ReceivedFlow flow(String id, String partner) {
        return new ReceivedFlow(new FlowId(id), partner, "statuts.csv", Path.of("in/statuts.csv"), 10, null,
                clock.instant(), Path.of("archive/" + id));
    }
}
