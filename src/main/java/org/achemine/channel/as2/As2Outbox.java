package org.achemine.channel.as2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.achemine.archive.AtomicFiles;
import org.achemine.publication.PublicationKind;
import org.achemine.publication.PublicationObserver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What waits to be pushed to AS2 partners ({@code as2_outbox}). Every file the publication journal records for
 * the {@code out/} of a partner connected over AS2 is queued in the journal's own commit, its content kept under
 * {@code as2/outbox/} (the partner may take the file from {@code out/} at once) and its Message-ID fixed for every
 * retry, so a resend after a stop is one the partner recognises.
 */
public class As2Outbox implements PublicationObserver {

    /** One file waiting, or acknowledged. */
    public record Item(long id, String partner, String fileName, PublicationKind kind, String sha256, long size,
                       String messageId, String state, int attempts, Instant nextAttemptAt, String lastError,
                       String mdnDisposition) {
    }

    static final String WAITING = "WAITING";
    static final String ACKNOWLEDGED = "ACKNOWLEDGED";
    static final String SUPERSEDED = "SUPERSEDED";

    private final JdbcTemplate jdbc;
    private final Path contents;
    private final String ourAs2Id;
    private final Clock clock;

    public As2Outbox(JdbcTemplate jdbc, Path contents, String ourAs2Id, Clock clock) {
        this.jdbc = jdbc;
        this.contents = contents;
        this.ourAs2Id = ourAs2Id;
        this.clock = clock;
    }

    @Override
    public void journaled(PublicationKind kind, String mailbox, String fileName, String sha256, byte[] content) {
        if (!connectedOverAs2().contains(mailbox)) {
            return;
        }
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM as2_outbox WHERE partner_code = ? AND file_name = ?"
                + " AND sha256 = ?", Integer.class, mailbox, fileName, sha256);
        if (known != null && known > 0) {
            return;
        }
        keep(mailbox, sha256, content);
        Timestamp now = Timestamp.from(clock.instant());
        // a snapshot published again under its name (a daily summary) replaces the version still waiting
        jdbc.update("UPDATE as2_outbox SET state = ? WHERE partner_code = ? AND file_name = ? AND state = ?",
                SUPERSEDED, mailbox, fileName, WAITING);
        jdbc.update("INSERT INTO as2_outbox (partner_code, file_name, kind, sha256, size_bytes, message_id, state,"
                        + " attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)", mailbox,
                fileName, kind.name(), sha256, (long) content.length, UUID.randomUUID() + "@" + ourAs2Id, WAITING,
                now, now);
    }

    /**
     * The partners connected over AS2, read once per commit of the journal (a group of publications is one
     * commit, its files told one by one): a partner registered by {@code partner as2 set} (any process) before
     * that commit began is honoured, as when the table was read per file. Outside a transaction, read per call.
     */
    private Set<String> connectedOverAs2() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return readConnected();
        }
        @SuppressWarnings("unchecked")
        Set<String> known = (Set<String>) TransactionSynchronizationManager.getResource(this);
        if (known == null) {
            known = readConnected();
            TransactionSynchronizationManager.bindResource(this, known);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(As2Outbox.this);
                }
            });
        }
        return known;
    }

    private Set<String> readConnected() {
        return Set.copyOf(jdbc.queryForList("SELECT partner_code FROM partner_as2", String.class));
    }

    /**
     * Waiting items whose file the journal has shown in {@code out/} and whose next attempt is due, the longest
     * due first, at most {@code perPartner} of each partner: a partner that is down, whose items are due again
     * and again, never takes the whole round from the others.
     */
    List<Item> due(int limit, int perPartner) {
        return jdbc.query("SELECT * FROM (" + SELECT + ", ROW_NUMBER() OVER (PARTITION BY o.partner_code"
                        + " ORDER BY o.next_attempt_at, o.id) AS partner_rank"
                        + " FROM as2_outbox o JOIN publication p ON p.mailbox = o.partner_code AND p.file_name = o.file_name"
                        + " AND p.sha256 = o.sha256 WHERE o.state = ? AND p.state = 'PUBLISHED' AND o.next_attempt_at <= ?)"
                        + " fair WHERE partner_rank <= ? ORDER BY next_attempt_at, id LIMIT ?", As2Outbox::row, WAITING,
                Timestamp.from(clock.instant()), perPartner, limit);
    }

    /**
     * Everything not yet acknowledged, oldest first: what {@code as2 outbox} lists, read on any connection to the
     * database (the command reads without the engine).
     */
    public static List<Item> waiting(JdbcTemplate jdbc) {
        return jdbc.query(SELECT + " FROM as2_outbox o WHERE o.state = ? ORDER BY o.id", As2Outbox::row, WAITING);
    }

    public static int acknowledgedCount(JdbcTemplate jdbc) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM as2_outbox WHERE state = ?", Integer.class,
                ACKNOWLEDGED);
        return count == null ? 0 : count;
    }

    byte[] content(Item item) throws IOException {
        return Files.readAllBytes(contents.resolve(item.partner()).resolve(item.sha256()));
    }

    void acknowledged(Item item, String disposition) {
        jdbc.update("UPDATE as2_outbox SET state = ?, attempts = attempts + 1, mdn_disposition = ?, last_error = NULL,"
                        + " acknowledged_at = ? WHERE id = ?", ACKNOWLEDGED, disposition,
                Timestamp.from(clock.instant()), item.id());
    }

    /** A failed attempt: the wait before the next doubles from {@code first} up to {@code max}. */
    void failed(Item item, String error, Duration first, Duration max) {
        Duration wait = first;
        for (int i = 0; i < item.attempts() && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        wait = wait.compareTo(max) > 0 ? max : wait;
        jdbc.update("UPDATE as2_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?",
                error.length() > 1000 ? error.substring(0, 999) + "…" : error,
                Timestamp.from(clock.instant().plus(wait)), item.id());
    }

    private void keep(String partner, String sha256, byte[] content) {
        try {
            Path folder = contents.resolve(partner);
            Files.createDirectories(folder);
            Path file = folder.resolve(sha256);
            if (!Files.exists(file)) {
                AtomicFiles.write(folder.resolve("." + sha256 + ".tmp"), file, content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The AS2 outbox could not keep " + partner + "/" + sha256, e);
        }
    }

    private static final String SELECT = "SELECT o.id, o.partner_code, o.file_name, o.kind, o.sha256, o.size_bytes,"
            + " o.message_id, o.state, o.attempts, o.next_attempt_at, o.last_error, o.mdn_disposition";

    private static Item row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Item(rs.getLong(1), rs.getString(2), rs.getString(3), PublicationKind.valueOf(rs.getString(4)),
                rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getInt(9),
                rs.getTimestamp(10).toInstant(), rs.getString(11), rs.getString(12));
    }
}
