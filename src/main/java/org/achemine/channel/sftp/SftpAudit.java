package org.achemine.channel.sftp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SFTP audit trail, in the database ({@code sftp_audit}), and its counters
 * ({@code achemine_sftp_events_total{event}}). A failure to record is logged, never turned into a refusal of the
 * partner's operation: the file protocol does not depend on the audit.
 */
public class SftpAudit {

    private static final Logger LOG = LoggerFactory.getLogger(SftpAudit.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<AuditEvent, Counter> counters = new EnumMap<>(AuditEvent.class);

    public SftpAudit(JdbcTemplate jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        for (AuditEvent event : AuditEvent.values()) {
            counters.put(event, Counter.builder("achemine.sftp.events")
                    .description("SFTP channel events (connections, logins, uploads, downloads, deletions, refusals)")
                    .tag("event", event.name())
                    .register(meters));
        }
    }

    /**
     * @param partner the account given (kept as given when unknown)
     * @param session the SSH session it happened in (its client address and reference are recorded)
     */
    public void record(AuditEvent event, String partner, Session session, String file, Long size, String detail) {
        counters.get(event).increment();
        try {
            jdbc.update("INSERT INTO sftp_audit (at, event, partner_code, remote, file, size, detail, session_ref)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    Timestamp.from(clock.instant()), event.name(), clip(partner, 100),
                    clip(String.valueOf(session.getRemoteAddress()), 100), clip(file, 4096), size, clip(detail, 1000),
                    sessionRef(session));
        } catch (RuntimeException e) {
            LOG.warn("SFTP audit not recorded ({} {} {}): {}", event, partner, file, e.toString());
        }
    }

    /** The latest entries, oldest first; of one partner when {@code partner} is not null. */
    public List<AuditEntry> latest(String partner, int limit) {
        List<AuditEntry> entries = new ArrayList<>(jdbc.query(
                "SELECT id, at, event, partner_code, remote, session_ref, file, size, detail FROM sftp_audit"
                        + (partner == null ? "" : " WHERE partner_code = ?") + " ORDER BY id DESC LIMIT ?",
                (rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        AuditEvent.valueOf(rs.getString("event")), rs.getString("partner_code"), rs.getString("remote"),
                        rs.getString("session_ref"), rs.getString("file"), rs.getObject("size") == null ? null : rs.getLong("size"),
                        rs.getString("detail")),
                partner == null ? new Object[] {limit} : new Object[] {partner, limit}));
        java.util.Collections.reverse(entries);
        return entries;
    }

    /**
     * A session's reference in the audit and on the flows it uploaded ({@code flow.channel_session}): the first
     * 8 bytes of its SSH session id, in hex (unique for practical purposes, and short enough to read).
     */
    public static String sessionRef(Session session) {
        byte[] id = session.getSessionId();
        return id == null ? null : java.util.HexFormat.of().formatHex(id, 0, Math.min(8, id.length));
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
