package org.achemine.cluster;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Claims on work one engine has in hand (a file being taken from {@code in/}, a flow being validated and
 * reported), so two engines never do it both: a unique insert, committed on its own before the work begins.
 * The engine whose insert fails leaves the work alone, unless the claim's engine is dead (no heartbeat within
 * the lease, or gone): then the claim is taken over by an update that only one engine can win. A single
 * engine claims nothing (always granted, no database access): its own threads are kept apart in memory.
 */
public class WorkClaims {

    private final JdbcTemplate jdbc;
    private final EngineNode node;
    private final Clock clock;

    public WorkClaims(JdbcTemplate jdbc, EngineNode node, Clock clock) {
        this.jdbc = jdbc;
        this.node = node;
        this.clock = clock;
    }

    /** For one engine (tests and commands that build parts by hand): every claim is granted. */
    public static WorkClaims single() {
        return new WorkClaims(null, null, null);
    }

    /** @return true when this engine now holds the claim (or held it already); false when another live engine does */
    public boolean claim(String subject) {
        if (node == null || !node.coordinated()) {
            return true;
        }
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.update("INSERT INTO work_claim (subject, node_id, claimed_at) VALUES (?, ?, ?)", subject, node.id(), now);
            return true;
        } catch (DuplicateKeyException held) {
            // ours already, or the holder is dead: whoever updates the row first takes it over, the other updates nothing
            return jdbc.update("UPDATE work_claim SET node_id = ?, claimed_at = ? WHERE subject = ? AND (node_id = ?"
                            + " OR node_id NOT IN (SELECT node_id FROM engine_node WHERE heartbeat_at >= ?))",
                    node.id(), now, subject, node.id(), Timestamp.from(node.aliveSince())) == 1;
        }
    }

    /** Gives up a claim this engine holds (the work is done, or left to be retried). */
    public void release(String subject) {
        if (node == null || !node.coordinated()) {
            return;
        }
        jdbc.update("DELETE FROM work_claim WHERE subject = ? AND node_id = ?", subject, node.id());
    }

    /** The subjects starting with {@code prefix} that a live engine (this one included) holds now. */
    public Set<String> heldByLiveEngines(String prefix) {
        if (node == null || !node.coordinated()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("SELECT c.subject FROM work_claim c JOIN engine_node n"
                + " ON n.node_id = c.node_id WHERE c.subject LIKE ? AND n.heartbeat_at >= ?", String.class,
                prefix + "%", Timestamp.from(node.aliveSince())));
    }

    /** The claim on taking a partner's file from {@code in/}. */
    public static String take(String partnerCode, String fileName) {
        return "take:" + partnerCode + "/" + fileName;
    }

    /** The claim on a flow, from its take until it is reported. */
    public static String flow(String flowId) {
        return FLOW + flowId;
    }

    public static final String FLOW = "flow:";
}
