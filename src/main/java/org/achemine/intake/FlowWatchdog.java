package org.achemine.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows which flows are being checked now and since when (the platform's clock). A flow in its checks
 * longer than {@code achemine.intake.check-time-limit} is overdue: the intake health turns DEGRADED and the
 * {@code achemine_intake_flows_overdue} gauge counts it, so an operator sees a stalled worker instead of a
 * green light (issue 11). It observes only: the flow goes on, and stays safe if the engine is stopped.
 */
public class FlowWatchdog {

    private static final Logger LOG = LoggerFactory.getLogger(FlowWatchdog.class);

    private final Duration limit;
    private final Clock clock;
    private final Map<FlowId, Watched> inProgress = new ConcurrentHashMap<>();

    public FlowWatchdog(Duration limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** A flow being checked since when, by which partner. */
    public record Watched(FlowId flowId, String partner, Instant since) {
    }

    /** Starts watching a flow; closing the watch (try-with-resources) ends it. */
    public Watch watch(ReceivedFlow flow) {
        inProgress.put(flow.flowId(), new Watched(flow.flowId(), flow.partner(), clock.instant()));
        return () -> {
            Watched ended = inProgress.remove(flow.flowId());
            if (ended != null && isOverdue(ended, clock.instant())) {
                LOG.warn("Flow {} of {} took {} in its checks (limit {})", flow.flowId(), flow.partner(),
                        Duration.between(ended.since(), clock.instant()), limit);
            }
        };
    }

    /** Ends the watch of one flow. */
    @FunctionalInterface
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    /** The flows in their checks for longer than the limit, the oldest first. */
    public List<Watched> overdue() {
        Instant now = clock.instant();
        return inProgress.values().stream().filter(w -> isOverdue(w, now))
                .sorted(Comparator.comparing(Watched::since)).toList();
    }

    public int inProgressCount() {
        return inProgress.size();
    }

    public Duration limit() {
        return limit;
    }

    private boolean isOverdue(Watched watched, Instant now) {
        return Duration.between(watched.since(), now).compareTo(limit) > 0;
    }
}
