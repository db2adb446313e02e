package org.achemine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.achemine.mailbox.Mailboxes;
import org.achemine.publication.PublicationJournal;
import org.achemine.testing.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code verify}'s publications invariant walks the journal by its key, a page at a time, and still sees every
 * row once: on a real H2 file with the engine's migrations, a journal of several pages over several mailboxes
 * (one exactly a page long, one longer), and real {@code out/} folders.
 */
class PublicationsJournaledTest {

    private static final Timestamp AT = Timestamp.from(Instant.parse("2026-11-02T09:00:00Z"));

    @TempDir
    Path dataDir;

    @Test
    void aJournalOfSeveralPagesIsWalkedByKeyEveryRowCheckedOnce() throws Exception {
        // given 2,503 publications: one mailbox a page long exactly, one more than two pages, one short; in them
        // one file taken by its partner, one altered since, one journaled but not yet renamed, and one file in an
        // out/ that was never journaled
        JdbcTemplate jdbc = new JdbcTemplate(MigratedDatabase.in(dataDir));
        Mailboxes mailboxes = new Mailboxes(dataDir, List.of());
        List<Object[]> rows = new ArrayList<>();
        publish(rows, "FOU001", DataFolder.PAGE);
        publish(rows, "COL001", 2 * DataFolder.PAGE + 3);
        publish(rows, "21690012600014", 500);
        jdbc.batchUpdate("INSERT INTO publication (mailbox, file_name, kind, subject, sha256, size_bytes, state,"
                + " journaled_at) VALUES (?, ?, 'DELIVERY', ?, ?, 9, ?, ?)", rows);
        Files.delete(out("COL001").resolve("f-01000.xml"));
        Files.writeString(out("FOU001").resolve("f-00999.xml"), "altered");
        Files.move(out("21690012600014").resolve("f-00007.xml"),
                PublicationJournal.temporary(out("21690012600014").resolve("f-00007.xml")));
        jdbc.update("UPDATE publication SET state = 'PENDING' WHERE mailbox = '21690012600014'"
                + " AND file_name = 'f-00007.xml'");
        Files.writeString(out("COL001").resolve("by-hand.xml"), "dropped there");

        // when the invariant is checked
        VerificationReport report = new InvariantChecker(List.of(new PublicationsJournaled()))
                .check(mailboxes, jdbc, false);

        // then every row was counted once, and each damage named once
        assertThat(report.count(PublicationsJournaled.JOURNALED)).isEqualTo(3 * DataFolder.PAGE + 503);
        assertThat(report.count(PublicationsJournaled.PENDING)).isEqualTo(1);
        assertThat(report.count(PublicationsJournaled.TAKEN)).isEqualTo(1);
        assertThat(report.count(PublicationsJournaled.STILL_THERE)).isEqualTo(3 * DataFolder.PAGE + 501);
        assertThat(report.count(ViolationCode.INV_PUBLICATION_ALTEREE)).isEqualTo(1);
        assertThat(report.count(ViolationCode.INV_PUBLICATION_NON_JOURNALISEE)).isEqualTo(1);
        assertThat(report.violations()).extracting(Violation::message).anySatisfy(message ->
                assertThat(message).contains("FOU001/out/f-00999.xml")).anySatisfy(message ->
                assertThat(message).contains("COL001/out/by-hand.xml"));
    }

    /** {@code count} files published in the mailbox's out/, journaled PUBLISHED with their SHA-256. */
    private void publish(List<Object[]> rows, String mailbox, int count) throws Exception {
        Path out = Files.createDirectories(out(mailbox));
        for (int i = 0; i < count; i++) {
            String name = String.format("f-%05d.xml", i);
            byte[] content = ("<facture " + mailbox + " " + i + "/>").getBytes(StandardCharsets.UTF_8);
            Files.write(out.resolve(name), content);
            rows.add(new Object[] {mailbox, name, name, PublicationJournal.sha256(content), "PUBLISHED", AT});
        }
    }

    private Path out(String mailbox) {
        return dataDir.resolve("mailboxes").resolve(mailbox).resolve("out");
    }
}
