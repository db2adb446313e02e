package org.achemine.channel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The files a channel published into a partner's {@code in/} and the intake has not taken yet (table
 * {@code channel_arrival}). A channel records an arrival before the file appears under its name; the intake
 * claims it when it records the flow with that content. A file no channel announced, or whose content changed
 * since (replaced by a copy), arrived by {@link Channel#FOLDER}. Kept in the database, not in memory, so an
 * upload published just before a crash is still known when the intake takes it after the restart.
 * Counts the flows taken by channel ({@code achemine_flows_arrived_total{channel}}).
 */
public class ChannelArrivals {

    /** How one flow arrived: its channel and the channel's session reference (null for a folder drop). */
    public record Arrival(Channel channel, String session) {

        public static final Arrival FOLDER = new Arrival(Channel.FOLDER, null);
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<Channel, Counter> arrived = new EnumMap<>(Channel.class);

    public ChannelArrivals(JdbcTemplate jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        for (Channel channel : Channel.values()) {
            arrived.put(channel, Counter.builder("achemine.flows.arrived")
                    .description("Flows taken from the partners' in/, by the channel that brought them")
                    .tag("channel", channel.code())
                    .register(meters));
        }
    }

    /** A channel is about to publish {@code fileName} (this content) into {@code partner}'s {@code in/}. */
    public void announce(String partner, String fileName, long size, String sha256, Channel channel,
                         String session) {
        jdbc.update("INSERT INTO channel_arrival (partner_code, file_name, size_bytes, sha256, channel,"
                        + " channel_session, arrived_at) VALUES (?, ?, ?, ?, ?, ?, ?)", partner, fileName, size, sha256,
                channel.code(), session, Timestamp.from(clock.instant()));
    }

    /** The publication announced did not happen: its announcement is withdrawn. */
    public void withdraw(String partner, String fileName, String sha256) {
        jdbc.update("DELETE FROM channel_arrival WHERE partner_code = ? AND file_name = ? AND sha256 = ?", partner,
                fileName, sha256);
    }

    /** The partner deleted the file from {@code in/} before it was taken: what was announced under it is forgotten. */
    public void forget(String partner, String fileName) {
        jdbc.update("DELETE FROM channel_arrival WHERE partner_code = ? AND file_name = ?", partner, fileName);
    }

    /**
     * The partner renamed the file within {@code in/} (the usual upload under a temporary name, then a rename):
     * its arrival follows it to its new name.
     */
    public void renamed(String partner, String oldName, String newName) {
        jdbc.update("UPDATE channel_arrival SET file_name = ? WHERE partner_code = ? AND file_name = ?", newName, partner,
                oldName);
    }

    /** A file the intake is taking: its name in {@code in/} and the content taken (null when taken unread). */
    public record Taking(String fileName, String sha256) {
    }

    /**
     * {@link #claim} for the files of one group take, in their order: one look-up for the group (a folder drop,
     * the usual case, costs nothing more); each announcement found is consumed as {@link #claim} does.
     */
    public List<Arrival> claimAll(String partner, List<Taking> files) {
        List<String> names = files.stream().filter(f -> f.sha256() != null).map(Taking::fileName).distinct().toList();
        Map<String, Announced> latest = new HashMap<>(); // name and content: the latest announcement
        if (!names.isEmpty()) {
            List<Object> arguments = new ArrayList<>(names.size() + 1);
            arguments.add(partner);
            arguments.addAll(names);
            jdbc.query("SELECT id, file_name, sha256, channel, channel_session FROM channel_arrival"
                    + " WHERE partner_code = ? AND file_name IN (" + "?, ".repeat(names.size() - 1) + "?)",
                    (RowCallbackHandler) rs -> latest.merge(rs.getString(2) + "/" + rs.getString(3),
                            new Announced(rs.getLong(1), new Arrival(Channel.valueOf(rs.getString(4)
                                    .toUpperCase(Locale.ROOT)), rs.getString(5))),
                            (a, b) -> a.id() > b.id() ? a : b),
                    arguments.toArray());
        }
        List<Arrival> arrivals = new ArrayList<>(files.size());
        for (Taking file : files) {
            Announced announced = file.sha256() == null ? null : latest.get(file.fileName() + "/" + file.sha256());
            Arrival arrival = Arrival.FOLDER;
            if (announced != null) {
                arrival = announced.arrival();
                jdbc.update("DELETE FROM channel_arrival WHERE partner_code = ? AND file_name = ? AND id <= ?",
                        partner, file.fileName(), announced.id());
            }
            arrived.get(arrival.channel()).increment();
            arrivals.add(arrival);
        }
        return arrivals;
    }

    private record Announced(long id, Arrival arrival) {
    }

    /**
     * How the file the intake is taking arrived, and the announcement consumed (with older ones of the same name,
     * replaced before they were taken).
     *
     * @param sha256 the content taken; null when taken unread (a link, a special or oversized file): never a
     *               channel's upload, so a folder drop
     */
    public Arrival claim(String partner, String fileName, String sha256) {
        return claimAll(partner, List.of(new Taking(fileName, sha256))).get(0);
    }
}
