package org.achemine.delivery.pivot;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The day each flow was received on the platform ({@code flow.received_at} on the routing calendar), read once
 * per flow: a chunk delivers many invoices of the same few flows, and a flow's reception never changes. The
 * latest flows read are remembered, a bounded number. Thread-safe.
 */
public final class FlowReceptionDates implements PivotDelivery.ReceptionDates {

    /** More than the flows of any chunk: a chunk's invoices come from a few flows, in reception order. */
    private static final int REMEMBERED = 256;

    private final JdbcTemplate jdbc;
    private final ZoneId zone;
    private final Map<String, LocalDate> latest = new LinkedHashMap<>(REMEMBERED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LocalDate> eldest) {
            return size() > REMEMBERED;
        }
    };

    public FlowReceptionDates(JdbcTemplate jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    @Override
    public LocalDate receivedOn(String flowId) {
        synchronized (latest) {
            LocalDate known = latest.get(flowId);
            if (known != null) {
                return known;
            }
        }
        LocalDate day = jdbc.queryForObject("SELECT received_at FROM flow WHERE flow_id = ?", OffsetDateTime.class,
                flowId).atZoneSameInstant(zone).toLocalDate();
        synchronized (latest) {
            latest.put(flowId, day);
        }
        return day;
    }
}
