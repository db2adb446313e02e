package org.achemine.cluster;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Beats this engine's heartbeat every {@code achemine.cluster.heartbeat} while it runs, and takes it off the
 * database when it stops cleanly (its claims are freed at once instead of after the lease).
 */
public class EngineHeartbeat implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(EngineHeartbeat.class);

    private final EngineNode node;
    private final long everyMillis;
    private ScheduledExecutorService beats;

    public EngineHeartbeat(EngineNode node, ClusterProperties properties) {
        this.node = node;
        this.everyMillis = properties.heartbeat().toMillis();
    }

    @Override
    public synchronized void start() {
        if (!node.coordinated()) {
            return; // a single engine has no heartbeat to write
        }
        beats = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "engine-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        beats.scheduleWithFixedDelay(() -> {
            try {
                node.beat();
            } catch (RuntimeException e) {
                LOG.warn("Heartbeat of engine {} not written (database unreachable?): {}", node.id(), e.toString());
            }
        }, 0, everyMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (beats == null) {
            return;
        }
        beats.shutdownNow();
        beats = null;
        try {
            node.leave();
        } catch (RuntimeException e) {
            LOG.warn("Engine {} could not leave cleanly: its claims are taken over after the lease", node.id(), e);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return beats != null;
    }

    /** Stops last (after the routes and pollers that hold claims), starts first. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
