package org.achemine.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.achemine.cluster.WorkClaims;

/**
 * Where intake asks the other engines (ADR 0019): a file is claimed before its copy leaves {@code in/}
 * ({@link FlowReception#take}), a flow from its take until it is reported ({@link FlowDeposit#process}), and
 * the flows a dead engine left unreported are found here ({@link #orphans}). A single engine is granted every
 * claim and has no orphans: nothing changes for it.
 */
public class FlowClaims {

    private final WorkClaims claims;
    private final FlowRegistry registry;
    private final Clock clock;
    private final Duration lease;

    public FlowClaims(WorkClaims claims, FlowRegistry registry, Clock clock, Duration lease) {
        this.claims = claims;
        this.registry = registry;
        this.clock = clock;
        this.lease = lease;
    }

    /** A single engine's: every claim granted. */
    public static FlowClaims single() {
        return new FlowClaims(WorkClaims.single(), null, null, Duration.ZERO);
    }

    /** @return false when another live engine is taking this file: it is left alone */
    boolean claimTake(String partnerCode, String fileName) {
        return claims.claim(WorkClaims.take(partnerCode, fileName));
    }

    void releaseTake(String partnerCode, String fileName) {
        claims.release(WorkClaims.take(partnerCode, fileName));
    }

    /** @return false when another live engine has this flow in hand: it is left alone */
    boolean claimFlow(FlowId flowId) {
        return claims.claim(WorkClaims.flow(flowId.value()));
    }

    void releaseFlow(FlowId flowId) {
        claims.release(WorkClaims.flow(flowId.value()));
    }

    /**
     * The flows taken but not reported that no live engine holds (a dead engine's), received more than a lease
     * ago: to be submitted again. Empty for a single engine.
     */
    public List<ReceivedFlow> orphans() {
        if (registry == null) {
            return List.of();
        }
        Instant before = clock.instant().minus(lease);
        List<ReceivedFlow> unreported = registry.unreported();
        if (unreported.isEmpty()) {
            return unreported;
        }
        Set<String> held = claims.heldByLiveEngines(WorkClaims.FLOW);
        return unreported.stream()
                .filter(flow -> flow.receivedAt().isBefore(before))
                .filter(flow -> !held.contains(WorkClaims.flow(flow.flowId().value())))
                .toList();
    }
}
