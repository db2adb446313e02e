package org.achemine.channel.as2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.achemine.mailbox.Mailboxes;
import org.achemine.publication.PublicationJournal;
import org.achemine.publication.PublicationJournal.Publication;
import org.achemine.publication.PublicationKind;
import org.achemine.testing.MigratedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox hears of every file the publication journal records and queues those of partners connected over AS2,
 * reading which partners those are once per commit of the journal, not once per file: on a real H2 file with the
 * engine's migrations, a real journal and real {@code out/} folders.
 */
class As2OutboxTest {

    private static final Instant NOW = Instant.parse("2030-03-04T05:06:07Z");

    @TempDir
    Path dataDir;

    private JdbcTemplate jdbc;
    private PublicationJournal journal;
    private Mailboxes mailboxes;

    @BeforeEach
    void journalWithOutbox() {
        DataSource dataSource = MigratedDatabase.in(dataDir);
        jdbc = new JdbcTemplate(dataSource);
        TransactionTemplate ownCommit = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        ownCommit.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        mailboxes = new Mailboxes(dataDir, List.of());
        As2Outbox outbox = new As2Outbox(jdbc, dataDir.resolve("as2/outbox"), "ACHEMINE", clock);
        journal = new PublicationJournal(jdbc, ownCommit, mailboxes, clock, outbox);
        for (String partner : List.of("AS2001", "AS2002", "DIR001")) {
            jdbc.update("INSERT INTO partner (code, role, state, source, created_at) VALUES (?, 'ISSUER', 'ACTIVE',"
                    + " 'COMMAND', ?)", partner, Timestamp.from(NOW));
        }
        connectOverAs2("AS2001");
        connectOverAs2("AS2002");
    }

    @Test
    void aGroupOfPublicationsQueuesTheAs2PartnersFilesReadingWhichPartnersAreAs2Once() throws Exception {
        // when six files for two AS2 partners and one folder partner are journaled in one commit, H2 counting
        // each statement's executions (the database kept open meanwhile: its statistics die with it)
        try (Connection keptOpen = jdbc.getDataSource().getConnection()) {
            jdbc.execute("SET QUERY_STATISTICS TRUE");
            journal.publishAll(Stream.of("AS2001", "AS2002", "DIR001").flatMap(partner -> Stream.of(
                    publication(partner, "a.xml"), publication(partner, "b.xml"))).toList(), true);

            // then partner_as2 was read once for the commit
            assertThat(jdbc.queryForObject("SELECT SUM(EXECUTION_COUNT) FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
                    + " WHERE UPPER(SQL_STATEMENT) LIKE '%FROM %PARTNER_AS2%'"
                    + " AND UPPER(SQL_STATEMENT) NOT LIKE '%QUERY_STATISTICS%'", Long.class)).isEqualTo(1);
        }

        // and only the AS2 partners' files wait to be pushed
        assertThat(queued()).containsExactly("AS2001/a.xml", "AS2001/b.xml", "AS2002/a.xml", "AS2002/b.xml");
    }

    @Test
    void aPartnerConnectedOverAs2WhileTheEngineRunsHasItsNextFilesQueued() throws Exception {
        // given a folder partner's first file published (not queued: it is not on AS2)
        journal.publishOnce(PublicationKind.DEPOSIT_REPORT, "F1", out("DIR001").resolve("first.xml"),
                () -> bytes("first"));
        assertThat(queued()).isEmpty();

        // when the partner is connected over AS2 (partner as2 set, committed by another process), then publishes
        connectOverAs2("DIR001");
        journal.publishOnce(PublicationKind.DEPOSIT_REPORT, "F2", out("DIR001").resolve("second.xml"),
                () -> bytes("second"));

        // then its next file waits to be pushed, the first one (published before) not
        assertThat(queued()).containsExactly("DIR001/second.xml");
        assertThat(dataDir.resolve("as2/outbox/DIR001")).isDirectoryContaining(f -> f.getFileName().toString()
                .equals(PublicationJournal.sha256(bytes("second"))));
    }

    /** What {@code partner as2 set} commits (its checks of the AS2 id, URL and certificate are As2Partners'). */
    private void connectOverAs2(String partner) {
        jdbc.update("INSERT INTO partner_as2 (partner_code, as2_id, url, certificate, fingerprint, not_after,"
                + " registered_at) VALUES (?, ?, 'http://127.0.0.1:1/as2', 'PEM', ?, ?, ?)", partner, "as2-" + partner,
                "0".repeat(64), Timestamp.from(NOW.plusSeconds(86_400)), Timestamp.from(NOW));
    }

    private List<String> queued() {
        return jdbc.queryForList("SELECT partner_code || '/' || file_name FROM as2_outbox WHERE state = 'WAITING'"
                + " ORDER BY 1", String.class);
    }

    private Publication publication(String partner, String name) {
        return new Publication(PublicationKind.DEPOSIT_REPORT, name, out(partner).resolve(name),
                () -> bytes(partner + " " + name));
    }

    private Path out(String partner) {
        return dataDir.resolve("mailboxes").resolve(partner).resolve("out");
    }

    private static byte[] bytes(String text) {
        return ("<cr>" + text + "</cr>").getBytes(StandardCharsets.UTF_8);
    }
}
