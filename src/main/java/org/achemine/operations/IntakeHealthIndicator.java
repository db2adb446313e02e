package org.achemine.operations;

import java.util.List;
import org.achemine.intake.FlowWatchdog;
import org.achemine.intake.IntakeGate;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * UP while intake takes files; DOWN with the reasons while it is paused (disk space, database); DEGRADED
 * while a flow is in its checks longer than {@code achemine.intake.check-time-limit} (a stalled worker).
 */
public class IntakeHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "a flow is in its checks longer than the time limit");

    private final IntakeGate gate;
    private final FlowWatchdog watchdog;
    private final boolean enabled;

    public IntakeHealthIndicator(IntakeGate gate, FlowWatchdog watchdog, boolean enabled) {
        this.gate = gate;
        this.watchdog = watchdog;
        this.enabled = enabled;
    }

    @Override
    public Health health() {
        if (!enabled) {
            return Health.unknown().withDetail("intake", "disabled (achemine.intake.enabled=false)").build();
        }
        List<FlowWatchdog.Watched> overdue = watchdog.overdue();
        Health.Builder health = !gate.isOpen() ? Health.down().withDetail("paused", gate.problems())
                : overdue.isEmpty() ? Health.up() : Health.status(DEGRADED);
        if (!overdue.isEmpty()) {
            health.withDetail("overdue", overdue.stream().map(w -> w.flowId().value() + " (" + w.partner()
                    + ", since " + w.since() + ")").toList()).withDetail("checkTimeLimit", watchdog.limit().toString());
        }
        health.withDetail("inProgress", watchdog.inProgressCount());
        gate.checkedAt().ifPresent(at -> health.withDetail("checkedAt", at.toString()));
        return health.build();
    }
}
