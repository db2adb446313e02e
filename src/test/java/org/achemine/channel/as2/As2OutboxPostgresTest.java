package org.achemine.channel.as2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.achemine.testing.EmbeddedPostgresServer;
import org.achemine.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The outbox's fair pick ({@code ROW_NUMBER() OVER (PARTITION BY ...)}) on PostgreSQL, where the AS2 tests do not
 * run: the longest due first, at most so many per partner, only files the journal shows published.
 */
class As2OutboxPostgresTest {

    private static final Instant NOW = Instant.parse("2030-03-04T05:06:07Z");

    @TempDir
    Path contents;

    @Test
    void dueItemsAreTakenLongestDueFirstAndAtMostSoManyPerPartner() {
        TestDatabase database = EmbeddedPostgresServer.freshDatabase();
        DataSource dataSource = new DriverManagerDataSource(database.url(), database.username(), database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String partner : List.of("DWN001", "OKK002")) {
            jdbc.update("INSERT INTO partner (code, role, state, source, created_at) VALUES (?, 'ISSUER', 'ACTIVE',"
                    + " 'COMMAND', ?)", partner, Timestamp.from(NOW));
        }
        // given the down partner's five files due long ago, the other's two due later, one file not yet published
        // and one not yet due
        for (int i = 0; i < 5; i++) {
            queue(jdbc, "DWN001", "down-" + i, NOW.minusSeconds(600 - i), true);
        }
        queue(jdbc, "OKK002", "ok-0", NOW.minusSeconds(10), true);
        queue(jdbc, "OKK002", "ok-1", NOW.minusSeconds(5), true);
        queue(jdbc, "OKK002", "ok-pending", NOW.minusSeconds(5), false);
        queue(jdbc, "OKK002", "ok-later", NOW.plusSeconds(60), true);

        As2Outbox outbox = new As2Outbox(jdbc, contents, "ACHEMINE", Clock.fixed(NOW, ZoneOffset.UTC));

        // when a round takes at most two per partner, then the other partner's files are in it
        assertThat(outbox.due(10, 2)).extracting(As2Outbox.Item::fileName)
                .containsExactly("down-0", "down-1", "ok-0", "ok-1");
        // and the round's limit still takes the longest due first
        assertThat(outbox.due(3, 2)).extracting(As2Outbox.Item::fileName).containsExactly("down-0", "down-1", "ok-0");
    }

    private static void queue(JdbcTemplate jdbc, String partner, String file, Instant due, boolean published) {
        String sha256 = String.format("%064d", Math.abs(file.hashCode()));
        jdbc.update("INSERT INTO publication (mailbox, file_name, kind, subject, sha256, size_bytes, state, journaled_at)"
                + " VALUES (?, ?, 'DEPOSIT_REPORT', ?, ?, 1, ?, ?)", partner, file, file, sha256,
                published ? "PUBLISHED" : "PENDING", Timestamp.from(due));
        jdbc.update("INSERT INTO as2_outbox (partner_code, file_name, kind, sha256, size_bytes, message_id, state,"
                + " next_attempt_at, created_at) VALUES (?, ?, 'DEPOSIT_REPORT', ?, 1, ?, 'WAITING', ?, ?)", partner,
                file, sha256, "<" + file + "@test>", Timestamp.from(due), Timestamp.from(due));
    }
}
