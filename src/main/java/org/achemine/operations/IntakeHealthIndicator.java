package org.achemine.operations;

import org.achemine.intake.IntakeGate;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** UP while intake takes files; DOWN with the reasons while it is paused (disk space, database). */
public class IntakeHealthIndicator implements HealthIndicator {

    private final IntakeGate gate;
    private final boolean enabled;

    public IntakeHealthIndicator(IntakeGate gate, boolean enabled) {
        this.gate = gate;
        this.enabled = enabled;
    }

    @Override
    public Health health() {
        if (!enabled) {
            return Health.unknown().withDetail("intake", "disabled (achemine.intake.enabled=false)").build();
        }
        Health.Builder health = gate.isOpen() ? Health.up() : Health.down().withDetail("paused", gate.problems());
        gate.checkedAt().ifPresent(at -> health.withDetail("checkedAt", at.toString()));
        return health.build();
    }
}
