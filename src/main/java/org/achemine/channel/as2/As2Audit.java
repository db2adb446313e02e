package org.achemine.channel.as2;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The AS2 audit trail ({@code as2_audit}) and its counters ({@code achemine_as2_events_total{event}}). A failure
 * to record is logged, never turned into a refusal: the receipt does not depend on the audit.
 */
public class As2Audit {

    private static final Logger LOG = LoggerFactory.getLogger(As2Audit.class);

    /** One line of the trail. */
    public record Entry(long id, java.time.Instant at, As2Event event, String partner, String as2From,
                        String messageId, String remote, String detail) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<As2Event, Counter> counters = new EnumMap<>(As2Event.class);

    public As2Audit(JdbcTemplate jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        for (As2Event event : As2Event.values()) {
            counters.put(event, Counter.builder("achemine.as2.events")
                    .description("AS2 channel events (messages received, refused, replayed; pushes)")
                    .tag("event", event.name()).register(meters));
        }
    }

    public void record(As2Event event, String partner, String as2From, String messageId, String remote, String detail) {
        counters.get(event).increment();
        LOG.info("AS2 {} partner={} from={} message={} {}", event, partner, as2From, messageId, detail);
        try {
            jdbc.update("INSERT INTO as2_audit (at, event, partner_code, as2_from, message_id, remote, detail)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)", Timestamp.from(clock.instant()), event.name(), partner,
                    clip(as2From, 200), clip(messageId, 400), clip(remote, 100), clip(detail, 1000));
        } catch (RuntimeException e) {
            LOG.warn("AS2 audit not recorded ({} {} {}): {}", event, partner, messageId, e.toString());
        }
    }

    /** The latest entries, oldest first. */
    public List<Entry> latest(int limit) {
        List<Entry> entries = new ArrayList<>(jdbc.query("SELECT id, at, event, partner_code, as2_from, message_id,"
                        + " remote, detail FROM as2_audit ORDER BY id DESC LIMIT ?",
                (rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), As2Event.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)), limit));
        Collections.reverse(entries);
        return entries;
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
