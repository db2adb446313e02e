package org.achemine.channel.as2;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The messages accepted from partners ({@code as2_received}): the file each became, and the receipt answered,
 * so that a replayed Message-ID gets that receipt again and makes no second file.
 */
public class ReceivedMessages {

    /** A message accepted: where its payload went and the receipt we answered. */
    public record Received(String partner, String messageId, String fileName, String sha256, long size, String mic,
                           Receipt receipt, Instant receivedAt) {
    }

    private final JdbcTemplate jdbc;

    public ReceivedMessages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Received> find(String partner, String messageId) {
        return jdbc.query(SELECT + " WHERE partner_code = ? AND message_id = ?", this::row, partner, messageId)
                .stream().findFirst();
    }

    /** Recorded in one commit, before the payload is renamed into {@code in/} (the rename finishes it). */
    public void record(Received received) {
        jdbc.update("INSERT INTO as2_received (partner_code, message_id, file_name, sha256, size_bytes, mic,"
                        + " mdn_content_type, mdn, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                received.partner(), received.messageId(), received.fileName(), received.sha256(), received.size(),
                received.mic(), received.receipt().contentType(),
                Base64.getEncoder().encodeToString(received.receipt().body()), Timestamp.from(received.receivedAt()));
    }

    /** Every message received, for the start-up recovery of renames a stop cut off. */
    public List<Received> all() {
        return jdbc.query(SELECT + " ORDER BY received_at", this::row);
    }

    /** The Message-IDs of what became this flow (the partner's file of this name and content), oldest first. */
    public List<String> messageIdsOf(String partner, String fileName, String sha256) {
        return jdbc.query("SELECT message_id FROM as2_received WHERE partner_code = ? AND file_name = ? AND sha256 = ?"
                + " ORDER BY received_at", (rs, n) -> rs.getString(1), partner, fileName, sha256);
    }

    private static final String SELECT = "SELECT partner_code, message_id, file_name, sha256, size_bytes, mic,"
            + " mdn_content_type, mdn, received_at FROM as2_received";

    private Received row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Received(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), new Receipt(null, rs.getString(7), Base64.getDecoder().decode(rs.getString(8))),
                rs.getTimestamp(9).toInstant());
    }
}
