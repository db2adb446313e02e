package org.achemine.cluster;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.integration.dsl.SourcePollingChannelAdapterSpec;
import org.springframework.integration.leader.event.AbstractLeaderEvent;
import org.springframework.integration.leader.event.OnGrantedEvent;
import org.springframework.integration.leader.event.OnRevokedEvent;
import org.springframework.integration.support.SmartLifecycleRoleController;

/**
 * Which engine runs the schedules and triggers: with several engines, the one holding the leader's lock
 * (spring-integration-jdbc's {@code LockRegistryLeaderInitiator} on {@code INT_LOCK}); a single engine always.
 * The pollers marked {@link #onLeader} are started when leadership is granted, after the job executions a dead
 * leader left running were recovered, and stopped when it is revoked.
 */
public class Leadership implements ApplicationListener<AbstractLeaderEvent> {

    /** The candidates' role in the lock registry. */
    public static final String LEADER = "achemine-leader";
    /** The role of the endpoints only the leader runs (started by {@link Leadership} itself, in order). */
    public static final String SCHEDULED = "achemine-scheduled";

    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

    private final boolean coordinated;
    private final Runnable onGranted;
    private final SmartLifecycleRoleController roles;
    private final AtomicBoolean leader = new AtomicBoolean();

    /**
     * @param onGranted what a new leader does before its schedules start ({@link LeaderDuty})
     */
    public Leadership(boolean coordinated, Runnable onGranted, SmartLifecycleRoleController roles) {
        this.coordinated = coordinated;
        this.onGranted = onGranted;
        this.roles = roles;
    }

    /** True on the engine that runs schedules and triggers now (always, for a single engine). */
    public boolean isLeader() {
        return !coordinated || leader.get();
    }

    /** Makes a poller run on the leader only (unchanged for a single engine). */
    public <S extends SourcePollingChannelAdapterSpec> S onLeader(S poller) {
        if (coordinated) {
            poller.role(SCHEDULED).autoStartup(false);
        }
        return poller;
    }

    @Override
    public void onApplicationEvent(AbstractLeaderEvent event) {
        if (!coordinated || !LEADER.equals(event.getRole())) {
            return;
        }
        if (event instanceof OnGrantedEvent) {
            LOG.info("This engine is now the leader: it runs the schedules and triggers");
            onGranted.run();
            leader.set(true);
            roles.startLifecyclesInRole(SCHEDULED);
        } else if (event instanceof OnRevokedEvent) {
            LOG.warn("This engine is no longer the leader: its schedules and triggers stop");
            leader.set(false);
            roles.stopLifecyclesInRole(SCHEDULED);
        }
    }
}
