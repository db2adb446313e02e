package org.achemine.console;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** The audit trail of the console's actions: recorded before each runs, completed with how it ended. */
public class ActionAudit {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ActionAudit(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the request; returns its id, for {@link #ended}. */
    public long requested(String operator, OperatorAction action, String target) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("INSERT INTO operator_action (requested_at, operator, action,"
                    + " target) VALUES (?, ?, ?, ?)", new String[] {"action_id"});
            insert.setObject(1, utc(clock.instant()));
            insert.setString(2, operator);
            insert.setString(3, action.name());
            insert.setString(4, target);
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    public void ended(long actionId, String outcome) {
        jdbc.update("UPDATE operator_action SET outcome = ?, ended_at = ? WHERE action_id = ?",
                outcome.length() > 2000 ? outcome.substring(0, 2000) : outcome, utc(clock.instant()), actionId);
    }

    /** The latest actions, newest first. */
    public List<AuditedAction> recent(int limit) {
        return jdbc.query("SELECT action_id, requested_at, operator, action, target, outcome, ended_at"
                        + " FROM operator_action ORDER BY action_id DESC LIMIT ?",
                (rs, n) -> new AuditedAction(rs.getLong(1), instant(rs, 2), rs.getString(3),
                        OperatorAction.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), instant(rs, 7)),
                limit);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    /** One audited action: who asked what, when, and how it ended (null outcome: still running). */
    public record AuditedAction(long id, Instant requestedAt, String operator, OperatorAction action, String target,
                                String outcome, Instant endedAt) {
    }
}
