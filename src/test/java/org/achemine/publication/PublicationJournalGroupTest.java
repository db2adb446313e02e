package org.achemine.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.achemine.mailbox.Mailboxes;
import org.achemine.publication.PublicationJournal.Publication;
import org.achemine.testing.MigratedDatabase;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The group publication a routing chunk uses ({@link PublicationJournal#publishAll}) keeps publishOnce's
 * exactly-once rules for every file of the group: on a real H2 file with the engine's migrations and real
 * {@code out/} folders.
 */
class PublicationJournalGroupTest {

    @TempDir
    Path dataDir;

    private JdbcTemplate jdbc;
    private PublicationJournal journal;
    private Path out;

    @BeforeEach
    void journal() {
        JdbcDataSource dataSource = MigratedDatabase.in(dataDir);
        jdbc = new JdbcTemplate(dataSource);
        TransactionTemplate ownCommit = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        ownCommit.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        Clock clock = Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC);
        Mailboxes mailboxes = new Mailboxes(dataDir, List.of());
        journal = new PublicationJournal(jdbc, ownCommit, mailboxes, clock);
        out = mailboxes.recipientOut("21690012600014");
    }

    @Test
    void aGroupIsPublishedWholeJournaledOnceEachAndLeavesNoTemporaryFile() throws Exception {
        // when three invoices are published as one group, durably
        List<Path> published = journal.publishAll(group("A", "B", "C"), true);

        // then each is in out/ with its content, journaled PUBLISHED once, and no temporary name is left
        assertThat(published).containsExactly(out.resolve("A.xml"), out.resolve("B.xml"), out.resolve("C.xml"));
        assertThat(published).allSatisfy(file -> assertThat(file).hasContent("<facture " + name(file) + "/>"));
        assertThat(jdbc.queryForList("SELECT file_name || ' ' || state FROM publication ORDER BY 1", String.class))
                .containsExactly("A.xml PUBLISHED", "B.xml PUBLISHED", "C.xml PUBLISHED");
        assertThat(temporaries()).isEmpty();
    }

    @Test
    void groupsJournaledInTheCallersTransactionAreRenamedOnlyOnceItCommitsAndLeaveNothingIfItRollsBack()
            throws Exception {
        // given A published, its PUBLISHED mark owed (renamed, row PENDING), and a caller's transaction of its own
        TransactionTemplate callers = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        PublicationJournal.Answered first = journal.publishGroups(List.of(new PublicationJournal.Group(group("A"),
                PublicationJournal.NO_RECORD, PublicationJournal.NO_RECORD)), PublicationJournal.Renamed.NONE);
        PublicationJournal.Renamed owedForA = first.renamed();

        // when B and C are staged and journaled in a caller's transaction that rolls back
        PublicationJournal.Journaled[] journaled = new PublicationJournal.Journaled[1];
        callers.executeWithoutResult(status -> {
            try {
                journaled[0] = journal.stage(List.of(new PublicationJournal.Group(group("B", "C"),
                        PublicationJournal.NO_RECORD, PublicationJournal.NO_RECORD)), true).journalWithCaller(owedForA);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            // then within it the rows are there, the files not renamed yet
            assertThat(jdbc.queryForList("SELECT file_name || ' ' || state FROM publication ORDER BY 1", String.class))
                    .containsExactly("A.xml PUBLISHED", "B.xml PENDING", "C.xml PENDING");
            assertThat(out.resolve("B.xml")).doesNotExist();
            status.setRollbackOnly();
        });
        journaled[0].abandon(new IOException("rolled back"));

        // then nothing of B and C is journaled or left, and A's mark is still owed
        assertThat(jdbc.queryForList("SELECT file_name || ' ' || state FROM publication ORDER BY 1", String.class))
                .containsExactly("A.xml PENDING");
        assertThat(temporaries()).isEmpty();
        assertThat(out.resolve("B.xml")).doesNotExist();

        // when they are journaled again in a transaction that commits, then renamed after it
        callers.executeWithoutResult(status -> {
            try {
                journaled[0] = journal.stage(List.of(new PublicationJournal.Group(group("B", "C"),
                        PublicationJournal.NO_RECORD, PublicationJournal.NO_RECORD)), true).journalWithCaller(owedForA);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(out.resolve("B.xml")).doesNotExist();
        assertThat(PublicationJournal.temporary(out.resolve("B.xml"))).exists();
        PublicationJournal.Renamed owedForBC = journaled[0].rename();
        journal.markPublished(owedForBC);

        // then A's mark came with B and C's rows, and B and C are in place, each journaled once
        assertThat(out.resolve("B.xml")).hasContent("<facture B/>");
        assertThat(out.resolve("C.xml")).hasContent("<facture C/>");
        assertThat(jdbc.queryForList("SELECT file_name || ' ' || state FROM publication ORDER BY 1", String.class))
                .containsExactly("A.xml PUBLISHED", "B.xml PUBLISHED", "C.xml PUBLISHED");
        assertThat(temporaries()).isEmpty();
    }

    @Test
    void aChunkOfTargetsIsLookedUpAtOnceEachInItsOwnMailbox() throws Exception {
        // given A and B published to one recipient, and C never journaled; another recipient has nothing
        journal.publishAll(group("A", "B"), true);
        Path elsewhere = out.getParent().resolveSibling("21690012600022").resolve("out");

        // when the journal is asked for five targets at once
        var found = journal.findAll(List.of(out.resolve("A.xml"), out.resolve("B.xml"), out.resolve("C.xml"),
                elsewhere.resolve("A.xml"), out.resolve("A.xml")));

        // then only the journaled ones answer, by target, the same name in another out/ is not mistaken for them
        assertThat(found).containsOnlyKeys(out.resolve("A.xml"), out.resolve("B.xml"));
        assertThat(found.get(out.resolve("B.xml"))).isEqualTo(journal.find(out.resolve("B.xml")).orElseThrow());
        assertThat(found.values()).allSatisfy(entry -> assertThat(entry.published()).isTrue());
    }

    @Test
    void aFileThePartnerTookIsNeverWrittenAgainAndThePendingOnesAreFinishedNotRewritten() throws Exception {
        // given A published then taken by the partner (downloaded and deleted), and B journaled PENDING by a run
        // killed before its rename (its temporary file holds the journaled bytes)
        journal.publishAll(group("A"), true);
        Files.delete(out.resolve("A.xml"));
        journal.publishAll(group("B"), true);
        Files.move(out.resolve("B.xml"), PublicationJournal.temporary(out.resolve("B.xml")));
        jdbc.update("UPDATE publication SET state = 'PENDING' WHERE file_name = 'B.xml'");
        List<String> contentsMade = new ArrayList<>();

        // when a later run publishes A, B and C again as one group
        journal.publishAll(Stream.of("A", "B", "C").map(n -> new Publication(PublicationKind.DELIVERY, n,
                out.resolve(n + ".xml"), () -> {
                    contentsMade.add(n);
                    return ("<nouvelle " + n + "/>").getBytes(StandardCharsets.UTF_8);
                })).toList(), true);

        // then A stays taken, B is the journaled file renamed into place, and only C was made and written
        assertThat(out.resolve("A.xml")).doesNotExist();
        assertThat(out.resolve("B.xml")).hasContent("<facture B/>");
        assertThat(out.resolve("C.xml")).hasContent("<nouvelle C/>");
        assertThat(contentsMade).containsExactly("C");
        assertThat(jdbc.queryForList("SELECT file_name || ' ' || state FROM publication ORDER BY 1", String.class))
                .containsExactly("A.xml PUBLISHED", "B.xml PUBLISHED", "C.xml PUBLISHED");
        assertThat(temporaries()).isEmpty();
    }

    @Test
    void aContentThatCannotBeMadeJournalsNothingOfTheGroupAndARetryPublishesItOnce() throws Exception {
        // when the second content of a group fails (a format that cannot make a valid file)
        List<Publication> failing = List.of(publication("A"), new Publication(PublicationKind.DELIVERY, "B",
                out.resolve("B.xml"), () -> {
                    throw new IOException("incident");
                }));
        assertThatThrownBy(() -> journal.publishAll(failing, true)).hasMessageContaining("incident");

        // then nothing is journaled or shown to the partner, and A's temporary file (step 1's leftover) is removed
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM publication", Integer.class)).isZero();
        assertThat(out.resolve("A.xml")).doesNotExist();
        assertThat(temporaries()).isEmpty();

        // and the retry (the chunk again) publishes both, once
        journal.publishAll(group("A", "B"), true);
        assertThat(out.resolve("A.xml")).hasContent("<facture A/>");
        assertThat(out.resolve("B.xml")).hasContent("<facture B/>");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM publication WHERE state = 'PUBLISHED'", Integer.class))
                .isEqualTo(2);
        assertThat(temporaries()).isEmpty();
    }

    @Test
    void theCallersRecordsCommitWithTheRowsPendingThenPublishedAndNotAtAllWhenTheFilesCannotBeWritten() throws Exception {
        jdbc.execute("CREATE TABLE caller_record (what VARCHAR(40), rows_then VARCHAR(200))");
        Runnable recordedWithJournal = () -> record("answered");
        Runnable recordedWithPublished = () -> record("reported");

        // when a group cannot be written (its out/ is a plain file), then neither record nor row is committed
        Path brokenOut = Files.writeString(Files.createDirectories(dataDir.resolve("mailboxes/OPE001")).resolve("out"),
                "not a folder");
        List<Publication> broken = List.of(new Publication(PublicationKind.DEPOSIT_REPORT, "F1",
                brokenOut.resolve("F1.cr.xml"), () -> "<cr/>".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> journal.publishAll(broken, recordedWithJournal, recordedWithPublished))
                .isInstanceOf(IOException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM caller_record", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM publication", Integer.class)).isZero();

        // when the group is published, then the first record is made in the commit journaling its files PENDING
        // (and saw them so), the second in the one marking them PUBLISHED
        journal.publishAll(group("A", "B"), recordedWithJournal, recordedWithPublished);
        assertThat(jdbc.queryForList("SELECT what || ': ' || rows_then FROM caller_record ORDER BY what", String.class))
                .containsExactly("answered: A.xml PENDING, B.xml PENDING", "reported: A.xml PUBLISHED, B.xml PUBLISHED");

        // when the same group comes back (a flow resumed after a stop), then nothing is written again and both
        // records are still made, each in a commit of its own
        jdbc.update("DELETE FROM caller_record");
        journal.publishAll(Stream.of("A", "B").map(n -> new Publication(PublicationKind.DELIVERY, n,
                out.resolve(n + ".xml"), () -> {
                    throw new IllegalStateException("made again");
                })).toList(), recordedWithJournal, recordedWithPublished);
        assertThat(jdbc.queryForList("SELECT what FROM caller_record ORDER BY what", String.class))
                .containsExactly("answered", "reported");
        assertThat(out.resolve("A.xml")).hasContent("<facture A/>");
    }

    @Test
    void answersPublishedTogetherShareTheirCommitsAndAFailingOneFailsAlone() throws Exception {
        jdbc.execute("CREATE TABLE caller_record (what VARCHAR(40), rows_then VARCHAR(200))");
        // given four flows' answers: A, B and D publishable, C's content cannot be made
        List<PublicationJournal.Group> groups = Stream.of("A", "B", "C", "D").map(n -> new PublicationJournal.Group(
                List.of(n.equals("C") ? new Publication(PublicationKind.DEPOSIT_REPORT, n, out.resolve(n + ".xml"),
                        () -> {
                            throw new IOException("incident " + n);
                        }) : publication(n)),
                () -> record("answered " + n), () -> record("reported " + n))).toList();

        // when they are published together
        List<Exception> failures = journal.publishGroups(groups);

        // then C alone failed, leaving nothing, and the others are published, their records made in two shared
        // commits: each first record saw every file of the group PENDING, each second one every file PUBLISHED
        assertThat(failures).extracting(f -> f == null ? null : f.getMessage())
                .containsExactly(null, null, "incident C", null);
        assertThat(jdbc.queryForList("SELECT file_name || ' ' || state FROM publication ORDER BY 1", String.class))
                .containsExactly("A.xml PUBLISHED", "B.xml PUBLISHED", "D.xml PUBLISHED");
        assertThat(jdbc.queryForList("SELECT what || ': ' || rows_then FROM caller_record ORDER BY what", String.class))
                .containsExactly(
                        "answered A: A.xml PENDING, B.xml PENDING, D.xml PENDING",
                        "answered B: A.xml PENDING, B.xml PENDING, D.xml PENDING",
                        "answered D: A.xml PENDING, B.xml PENDING, D.xml PENDING",
                        "reported A: A.xml PUBLISHED, B.xml PUBLISHED, D.xml PUBLISHED",
                        "reported B: A.xml PUBLISHED, B.xml PUBLISHED, D.xml PUBLISHED",
                        "reported D: A.xml PUBLISHED, B.xml PUBLISHED, D.xml PUBLISHED");
        assertThat(out.resolve("C.xml")).doesNotExist();
        assertThat(temporaries()).isEmpty();
    }

    @Test
    void whenASharedCommitFailsEachAnswerIsDoneOnItsOwnAndOnlyTheFaultyOneFails() throws Exception {
        jdbc.execute("CREATE TABLE caller_record (what VARCHAR(40), rows_then VARCHAR(200))");
        // given three answers, B's verdict record breaking (its commit, shared with A's and C's, rolls back)
        List<PublicationJournal.Group> groups = Stream.of("A", "B", "C").map(n -> new PublicationJournal.Group(
                List.of(publication(n)), () -> {
                    if (n.equals("B")) {
                        throw new IllegalStateException("record of B refused");
                    }
                    record("answered " + n);
                }, () -> record("reported " + n))).toList();

        // when they are published together
        List<Exception> failures = journal.publishGroups(groups);

        // then A and C are published once each with both records, B is neither journaled nor shown to the partner
        assertThat(failures).extracting(f -> f == null ? null : f.getMessage())
                .containsExactly(null, "record of B refused", null);
        assertThat(jdbc.queryForList("SELECT file_name || ' ' || state FROM publication ORDER BY 1", String.class))
                .containsExactly("A.xml PUBLISHED", "C.xml PUBLISHED");
        assertThat(jdbc.queryForList("SELECT what FROM caller_record ORDER BY what", String.class))
                .containsExactly("answered A", "answered C", "reported A", "reported C");
        assertThat(out.resolve("A.xml")).hasContent("<facture A/>");
        assertThat(out.resolve("B.xml")).doesNotExist();
        // B's temporary file has no row: step 1's leftover, removed at start-up (as after publishAll's failure)
        assertThat(temporaries()).extracting(f -> f.getFileName().toString()).containsExactly(".B.xml.tmp");
    }

    @Test
    void aGroupsMarksCommittedWithTheNextGroupsPendingRowsOneCommitForBoth() throws Exception {
        jdbc.execute("CREATE TABLE caller_record (what VARCHAR(40), rows_then VARCHAR(200))");
        // given A's answer renamed into place, its mark and record owed
        PublicationJournal.Answered first = journal.publishGroups(List.of(answer("A")), PublicationJournal.Renamed.NONE);
        assertThat(out.resolve("A.xml")).hasContent("<facture A/>");
        assertThat(states()).containsExactly("A.xml PENDING");

        // when B's answer follows, carrying them
        PublicationJournal.Answered second = journal.publishGroups(List.of(answer("B")), first.renamed());
        journal.markPublished(second.renamed());

        // then A's mark and record were committed with B's PENDING row and first record (before them in that
        // commit; A was still PENDING between the two calls), B's with nothing else
        assertThat(first.failures()).containsOnlyNulls();
        assertThat(second.failures()).containsOnlyNulls();
        assertThat(second.owedFailure()).isNull();
        assertThat(jdbc.queryForList("SELECT what || ': ' || rows_then FROM caller_record ORDER BY what", String.class))
                .containsExactly("answered A: A.xml PENDING",
                        "answered B: A.xml PUBLISHED, B.xml PENDING",
                        "reported A: A.xml PUBLISHED",
                        "reported B: A.xml PUBLISHED, B.xml PUBLISHED");
        assertThat(states()).containsExactly("A.xml PUBLISHED", "B.xml PUBLISHED");
        assertThat(temporaries()).isEmpty();
    }

    @Test
    void killedAfterAGroupsRenamesBeforeTheCommitCarryingItsMarksStartUpMarksThemNeverWritesThemAgain()
            throws Exception {
        jdbc.execute("CREATE TABLE caller_record (what VARCHAR(40), rows_then VARCHAR(200))");
        // given A's answer renamed, its mark owed to the next group's commit, and the partner already took A
        journal.publishGroups(List.of(answer("A")), PublicationJournal.Renamed.NONE);
        Files.delete(out.resolve("A.xml"));

        // when the engine is killed there (the owed marks die with it) and starts again
        int finished = restartedJournal().finishPending();

        // then A is marked PUBLISHED from its missing temporary file, never written again; its flow, REPORT_READY
        // (no record "reported A"), comes back and is marked REPORTED without a new file
        assertThat(finished).isEqualTo(1);
        assertThat(states()).containsExactly("A.xml PUBLISHED");
        assertThat(out.resolve("A.xml")).doesNotExist();
        assertThat(jdbc.queryForList("SELECT what FROM caller_record", String.class)).containsExactly("answered A");
        journal.publishGroups(List.of(new PublicationJournal.Group(List.of(new Publication(
                PublicationKind.DEPOSIT_REPORT, "A", out.resolve("A.xml"), () -> {
                    throw new IllegalStateException("made again");
                })), PublicationJournal.NO_RECORD, () -> record("reported A"))));
        assertThat(jdbc.queryForList("SELECT what FROM caller_record ORDER BY what", String.class))
                .containsExactly("answered A", "reported A");
        assertThat(out.resolve("A.xml")).doesNotExist();
    }

    @Test
    void killedBetweenAPendingCommitCarryingThePreviousMarksAndItsRenamesStartUpRenamesTheRest() throws Exception {
        jdbc.execute("CREATE TABLE caller_record (what VARCHAR(40), rows_then VARCHAR(200))");
        // given A's answer renamed, its mark owed; B's rename will not happen (its target is a busy folder: the
        // engine stops there, after the commit that journals B and marks A)
        PublicationJournal.Answered first = journal.publishGroups(List.of(answer("A")), PublicationJournal.Renamed.NONE);
        Files.createDirectories(out.resolve("B.xml").resolve("busy"));

        PublicationJournal.Answered second = journal.publishGroups(List.of(answer("B")), first.renamed());

        // then A's mark and record are committed (they rode in B's commit), B's row waits PENDING with its file
        assertThat(second.owedFailure()).isNull();
        assertThat(second.failures().get(0)).isNotNull();
        assertThat(states()).containsExactly("A.xml PUBLISHED", "B.xml PENDING");
        assertThat(jdbc.queryForList("SELECT what FROM caller_record ORDER BY what", String.class))
                .containsExactly("answered A", "answered B", "reported A");
        assertThat(temporaries()).extracting(f -> f.getFileName().toString()).containsExactly(".B.xml.tmp");

        // when the engine starts again (the folder gone), start-up renames B and marks it, A untouched
        Files.delete(out.resolve("B.xml").resolve("busy"));
        Files.delete(out.resolve("B.xml"));
        assertThat(restartedJournal().finishPending()).isEqualTo(1);
        assertThat(states()).containsExactly("A.xml PUBLISHED", "B.xml PUBLISHED");
        assertThat(out.resolve("B.xml")).hasContent("<facture B/>");
        assertThat(out.resolve("A.xml")).hasContent("<facture A/>");
        assertThat(temporaries()).isEmpty();
    }

    @Test
    void whenTheCommitCarryingThePreviousMarksFailsTheyAreCommittedAloneAndTheGroupDoneOnItsOwn() throws Exception {
        jdbc.execute("CREATE TABLE caller_record (what VARCHAR(40), rows_then VARCHAR(200))");
        // given A's answer renamed, its mark owed; B's first record breaking (the shared commit rolls back)
        PublicationJournal.Answered first = journal.publishGroups(List.of(answer("A")), PublicationJournal.Renamed.NONE);
        PublicationJournal.Group broken = new PublicationJournal.Group(List.of(publication("B")), () -> {
            throw new IllegalStateException("record of B refused");
        }, () -> record("reported B"));

        PublicationJournal.Answered second = journal.publishGroups(List.of(broken, answer("C")), first.renamed());

        // then A's mark and record were committed alone, C done on its own with both commits, B alone failed
        assertThat(second.owedFailure()).isNull();
        assertThat(second.failures()).extracting(f -> f == null ? null : f.getMessage())
                .containsExactly("record of B refused", null);
        assertThat(second.renamed().isEmpty()).isTrue();
        assertThat(states()).containsExactly("A.xml PUBLISHED", "C.xml PUBLISHED");
        assertThat(jdbc.queryForList("SELECT what FROM caller_record ORDER BY what", String.class))
                .containsExactly("answered A", "answered C", "reported A", "reported C");
    }

    @Test
    void whenThePreviousMarksCannotBeCommittedAtAllNoGroupIsJournaledAfterThem() throws Exception {
        jdbc.execute("CREATE TABLE caller_record (what VARCHAR(40), rows_then VARCHAR(200))");
        // given A's answer renamed, its mark owed with a record that is always refused
        PublicationJournal.Answered first = journal.publishGroups(List.of(new PublicationJournal.Group(
                List.of(publication("A")), () -> record("answered A"), () -> {
                    throw new IllegalStateException("record of A refused");
                })), PublicationJournal.Renamed.NONE);

        // when the next group's commit carries A's marks (refused), then A's marks alone (refused again)
        PublicationJournal.Answered second = journal.publishGroups(List.of(answer("B")), first.renamed());

        // then B fails with A's marks, and nothing of B is journaled nor recorded: no group is journaled before
        // the marks it follows (an integration's official report PUBLISHED before its detailed one is journaled)
        assertThat(second.owedFailure()).hasMessage("record of A refused");
        assertThat(second.failures()).extracting(Exception::getMessage).containsExactly("record of A refused");
        assertThat(second.renamed().isEmpty()).isTrue();
        assertThat(states()).containsExactly("A.xml PENDING");
        assertThat(jdbc.queryForList("SELECT what FROM caller_record ORDER BY what", String.class))
                .containsExactly("answered A");

        // and a start-up finishes A from the journal (renamed: marked, not written again); B is answered anew
        assertThat(restartedJournal().finishPending()).isEqualTo(1);
        assertThat(journal.publishGroups(List.of(answer("B")))).containsExactly((Exception) null);
        assertThat(states()).containsExactly("A.xml PUBLISHED", "B.xml PUBLISHED");
        assertThat(out.resolve("A.xml")).hasContent("<facture A/>");
        assertThat(temporaries()).isEmpty();
    }

    @Test
    void filesWrittenOnTheGroupThreadsHoldEachItsOwnBytesAndTheJournalTheirFingerprints() throws Exception {
        // given 200 deliveries of different sizes to 20 recipients whose out/ folders do not exist yet
        Path mailboxes = dataDir.resolve("mailboxes");
        List<Publication> many = new ArrayList<>();
        Map<Path, byte[]> expected = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            Path target = mailboxes.resolve("R" + (i % 20)).resolve("out").resolve("F" + i + ".xml");
            byte[] bytes = ("<facture n=\"" + i + "\">" + "x".repeat(i * 37) + "</facture>")
                    .getBytes(StandardCharsets.UTF_8);
            expected.put(target, bytes);
            many.add(new Publication(PublicationKind.DELIVERY, "F" + i, target, () -> bytes));
        }

        // when they are published as one group, their files written and synced several at a time
        List<Path> published = journal.publishAll(many, true);

        // then every file holds exactly its own bytes, and its row the fingerprint and size of those bytes
        assertThat(published).containsExactlyElementsOf(many.stream().map(Publication::target).toList());
        for (Path target : published) {
            assertThat(Files.readAllBytes(target)).isEqualTo(expected.get(target));
            assertThat(jdbc.queryForObject("SELECT sha256 || ' ' || size_bytes FROM publication WHERE mailbox = ?"
                            + " AND file_name = ?", String.class, target.getParent().getParent().getFileName().toString(),
                    target.getFileName().toString()))
                    .isEqualTo(PublicationJournal.sha256(expected.get(target)) + " " + expected.get(target).length);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM publication WHERE state = 'PUBLISHED'", Integer.class))
                .isEqualTo(200);
    }

    @Test
    void oneFileThatCannotBeWrittenFailsItsWholeGroupBeforeItsCommitAndLeavesNoTemporaryFile() throws Exception {
        jdbc.execute("CREATE TABLE caller_record (what VARCHAR(40), rows_then VARCHAR(200))");
        // given 40 deliveries, the 21st to a recipient whose out/ is a plain file (written on a group thread)
        Path brokenOut = Files.writeString(Files.createDirectories(dataDir.resolve("mailboxes/21690012600022"))
                .resolve("out"), "not a folder");
        List<Publication> many = new ArrayList<>(group(IntStream.range(0, 40).mapToObj(i -> "N" + i)
                .toArray(String[]::new)));
        many.set(20, new Publication(PublicationKind.DELIVERY, "broken", brokenOut.resolve("N20.xml"),
                () -> "<facture N20/>".getBytes(StandardCharsets.UTF_8)));

        // when they are published as one group, then it fails as a whole: nothing journaled, shown, or left
        assertThatThrownBy(() -> journal.publishAll(many, true)).isInstanceOf(IOException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM publication", Integer.class)).isZero();
        assertThat(out.resolve("N0.xml")).doesNotExist();
        assertThat(temporaries()).isEmpty();

        // and as one answer among others, it fails alone; the others are published
        List<Exception> failures = journal.publishGroups(List.of(answer("A"), new PublicationJournal.Group(
                List.of(many.get(20)), PublicationJournal.NO_RECORD, PublicationJournal.NO_RECORD), answer("C")));
        assertThat(failures.get(0)).isNull();
        assertThat(failures.get(1)).isInstanceOf(IOException.class);
        assertThat(failures.get(2)).isNull();
        assertThat(states()).containsExactly("A.xml PUBLISHED", "C.xml PUBLISHED");
        assertThat(temporaries()).isEmpty();
    }

    @Test
    void aStagedGroupGivenUpBeforeItsCommitLeavesNothingAndIsPublishedOnceLater() throws Exception {
        // given a routing chunk's 30 deliveries staged (written and syncing) when its own rows fail
        List<Publication> chunk = group(IntStream.range(0, 30).mapToObj(i -> "S" + i).toArray(String[]::new));
        PublicationJournal.Staged staged = journal.stage(List.of(new PublicationJournal.Group(chunk,
                PublicationJournal.NO_RECORD, PublicationJournal.NO_RECORD)));

        // when it is given up, then nothing is journaled or shown and no temporary file is left
        staged.abandon(new IOException("the chunk's rows failed"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM publication", Integer.class)).isZero();
        assertThat(out.resolve("S0.xml")).doesNotExist();
        assertThat(temporaries()).isEmpty();

        // and when the chunk comes again, its files are journaled in one commit, renamed, their marks owed
        PublicationJournal.Answered answered = journal.stage(List.of(new PublicationJournal.Group(chunk,
                PublicationJournal.NO_RECORD, PublicationJournal.NO_RECORD))).publish(PublicationJournal.Renamed.NONE);
        assertThat(answered.failures()).containsExactly((Exception) null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM publication WHERE state = 'PENDING'", Integer.class))
                .isEqualTo(30);
        journal.markPublished(answered.renamed());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM publication WHERE state = 'PUBLISHED'", Integer.class))
                .isEqualTo(30);
        assertThat(out.resolve("S29.xml")).hasContent("<facture S29/>");
        assertThat(temporaries()).isEmpty();
    }

    private PublicationJournal.Group answer(String name) {
        return new PublicationJournal.Group(List.of(publication(name)), () -> record("answered " + name),
                () -> record("reported " + name));
    }

    private List<String> states() {
        return jdbc.queryForList("SELECT file_name || ' ' || state FROM publication ORDER BY 1", String.class);
    }

    /** A journal on the same database and folders, as a restarted engine has: nothing carried over in memory. */
    private PublicationJournal restartedJournal() {
        TransactionTemplate ownCommit = new TransactionTemplate(
                new DataSourceTransactionManager(jdbc.getDataSource()));
        ownCommit.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new PublicationJournal(jdbc, ownCommit, new Mailboxes(dataDir, List.of()),
                Clock.fixed(Instant.parse("2026-11-02T10:00:00Z"), ZoneOffset.UTC));
    }

    /** The caller's record, with the journal's rows as its own transaction sees them. */
    private void record(String what) {
        String rows = String.join(", ", jdbc.queryForList(
                "SELECT file_name || ' ' || state FROM publication ORDER BY 1", String.class));
        jdbc.update("INSERT INTO caller_record VALUES (?, ?)", what, rows);
    }

    private List<Publication> group(String... names) {
        return Stream.of(names).map(this::publication).toList();
    }

    private Publication publication(String name) {
        return new Publication(PublicationKind.DELIVERY, name, out.resolve(name + ".xml"),
                () -> ("<facture " + name + "/>").getBytes(StandardCharsets.UTF_8));
    }

    private static String name(Path file) {
        return file.getFileName().toString().replace(".xml", "");
    }

    private List<Path> temporaries() throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
