package org.achemine.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * This engine among those running on the database: its id (the configured name or the host name, and a
 * suffix drawn at start-up, so a restarted engine never inherits a dead one's claims) and its heartbeat row,
 * dated by the platform clock. An engine whose heartbeat is older than the lease is dead to the others.
 */
public class EngineNode {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ClusterProperties properties;
    private final boolean coordinated;
    private final String id;

    /** @param coordinated this process takes part (an engine that runs intake, with the cluster enabled) */
    public EngineNode(JdbcTemplate jdbc, Clock clock, ClusterProperties properties, boolean coordinated) {
        this.coordinated = coordinated;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        String name = properties.nodeName() == null || properties.nodeName().isBlank()
                ? hostName() : properties.nodeName().trim();
        byte[] suffix = new byte[4];
        ThreadLocalRandom.current().nextBytes(suffix);
        this.id = (name.length() > 80 ? name.substring(0, 80) : name) + "-" + HexFormat.of().formatHex(suffix);
    }

    public String id() {
        return id;
    }

    public boolean coordinated() {
        return coordinated;
    }

    /** Says this engine is alive (first call: records its start). No-op for a single engine. */
    public void beat() {
        if (!coordinated) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("UPDATE engine_node SET heartbeat_at = ? WHERE node_id = ?", now, id) == 0) {
            jdbc.update("INSERT INTO engine_node (node_id, started_at, heartbeat_at) VALUES (?, ?, ?)", id, now, now);
        }
    }

    /** Removes this engine's row when it stops cleanly: its claims are free at once. */
    public void leave() {
        if (!coordinated) {
            return;
        }
        jdbc.update("DELETE FROM work_claim WHERE node_id = ?", id);
        jdbc.update("DELETE FROM engine_node WHERE node_id = ?", id);
    }

    /** Heartbeats before this instant are a dead engine's. */
    Instant aliveSince() {
        return clock.instant().minus(properties.lease());
    }

    /**
     * True when another engine beat within the lease: then the data folder's shared areas (staging, temporary
     * files of writes in progress) may hold its work and are not swept.
     */
    public boolean othersAlive() {
        if (!coordinated) {
            return false;
        }
        Integer others = jdbc.queryForObject("SELECT COUNT(*) FROM engine_node WHERE node_id <> ? AND heartbeat_at >= ?",
                Integer.class, id, Timestamp.from(aliveSince()));
        return others != null && others > 0;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "engine";
        }
    }
}
