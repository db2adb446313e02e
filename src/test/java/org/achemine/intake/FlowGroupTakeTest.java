package org.achemine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.achemine.archive.FlowArchive;
import org.achemine.channel.ChannelArrivals;
import org.achemine.config.AchemineProperties;
import org.achemine.mailbox.Mailboxes;
import org.achemine.publication.PublicationJournal;
import org.achemine.qualification.Environment;
import org.achemine.testing.OwnDataFolder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The group take (ADR 0001), called directly on a real H2 file and data folder: the files a poll found settled
 * are recorded in one transaction, synced once, removed, and marked removed in one transaction; a file that
 * cannot be archived leaves the others taken; a kill between any two of the group's steps leaves each file
 * either in {@code in/} (its take finished under the flow id it was recorded with) or taken, never twice.
 */
@SpringBootTest(properties = {"achemine.intake.enabled=false"})
class FlowGroupTakeTest extends OwnDataFolder {

    private static final String PARTNER = "FOU001";

    @Autowired
    Mailboxes mailboxes;

    @Autowired
    FlowReception reception;

    @Autowired
    FlowRegistry registry;

    @Autowired
    FlowArchive archive;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AchemineProperties properties;

    @Autowired
    ChannelArrivals arrivals;

    @Autowired
    PublicationJournal publications;

    @Test
    void theFilesOfAGroupAreTakenTogetherEachAsItsOwnFlow() throws Exception {
        // given five files settled in in/
        Map<Path, String> dropped = drop("group", 5);

        // when they are taken as one group
        List<ReceivedFlow> flows = reception.takeAll(PARTNER, Environment.PRODUCTION, List.copyOf(dropped.keySet()));

        // then each is a flow of its own, archived with its content, recorded with its source removed
        assertThat(flows).hasSize(5);
        assertThat(flows).extracting(f -> f.flowId().value()).doesNotHaveDuplicates();
        for (ReceivedFlow flow : flows) {
            assertThat(FlowArchive.sha256Of(flow.archivePath())).isEqualTo(flow.sha256());
            assertThat(dropped).containsEntry(flow.sourcePath(), flow.sha256());
        }
        assertThat(remaining("group")).isEmpty();
        assertThat(jdbc.queryForList("SELECT source_removed FROM flow WHERE original_name LIKE 'group-%'",
                Boolean.class)).hasSize(5).containsOnly(true);
        assertThat(registry.interruptedTakes()).isEmpty();
    }

    @Test
    void aFileThatCannotBeArchivedStaysInInWithoutHoldingBackTheOthers() throws Exception {
        // given a take of "blocked-1.xml" interrupted after its row, whose archive path another content now holds
        Map<Path, String> dropped = drop("blocked", 3);
        Path blocked = mailboxes.in(PARTNER).resolve("blocked-1.xml");
        ReceivedFlow recorded = reception.take(PARTNER, blocked);
        Files.writeString(blocked, Files.readString(recorded.archivePath()));
        jdbc.update("UPDATE flow SET source_removed = FALSE WHERE flow_id = ?", recorded.flowId().value());
        Files.setPosixFilePermissions(recorded.archivePath(), PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(recorded.archivePath(), "other content");

        // when the three are taken as one group
        List<ReceivedFlow> flows = reception.takeAll(PARTNER, Environment.PRODUCTION, List.copyOf(dropped.keySet()));

        // then the two others are taken, and the blocked one stays in in/, its row still an interrupted take
        assertThat(flows).extracting(ReceivedFlow::originalName).containsExactlyInAnyOrder("blocked-0.xml",
                "blocked-2.xml");
        assertThat(remaining("blocked")).containsExactly(blocked);
        assertThat(registry.interruptedTakes()).extracting(f -> f.flowId().value())
                .containsExactly(recorded.flowId().value());

        // and once the archive is set right, the next take finishes it under the flow id it was recorded with
        Files.delete(recorded.archivePath());
        List<ReceivedFlow> retried = reception.takeAll(PARTNER, Environment.PRODUCTION, List.of(blocked));
        assertThat(retried).extracting(f -> f.flowId().value()).containsExactly(recorded.flowId().value());
        assertThat(remaining("blocked")).isEmpty();
        assertThat(registry.interruptedTakes()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flow WHERE original_name LIKE 'blocked-%'",
                Integer.class)).isEqualTo(3);
    }

    @Test
    void aRowTheDatabaseRefusesHoldsBackNoOtherFileOfItsGroup() throws Exception {
        // given a database that refuses the row of "refused-1.xml" (and so any transaction holding it)
        Map<Path, String> dropped = drop("refused", 3);
        FlowRegistry refusing = new FlowRegistry(jdbc, transactions) {
            @Override
            public void insertReceived(List<Reception> group) {
                if (group.stream().anyMatch(r -> r.flow().originalName().equals("refused-1.xml"))) {
                    throw new DataIntegrityViolationException("row refused");
                }
                super.insertReceived(group);
            }
        };

        // when the three are taken as one group
        List<ReceivedFlow> flows = reception(refusing).takeAll(PARTNER, Environment.PRODUCTION,
                List.copyOf(dropped.keySet()));

        // then the two others are taken, each recorded alone, and the refused one stays in in/, unrecorded
        assertThat(flows).extracting(ReceivedFlow::originalName).containsExactlyInAnyOrder("refused-0.xml",
                "refused-2.xml");
        assertThat(remaining("refused")).extracting(p -> p.getFileName().toString()).containsExactly("refused-1.xml");
        assertThat(jdbc.queryForList("SELECT original_name FROM flow WHERE original_name LIKE 'refused-%'",
                String.class)).containsExactlyInAnyOrder("refused-0.xml", "refused-2.xml");
        assertThat(dataDir.resolve("archive/.staging")).isEmptyDirectory();

        // and once the database takes it, the next poll takes it
        assertThat(reception.takeAll(PARTNER, Environment.PRODUCTION, remaining("refused"))).hasSize(1);
        assertThat(remaining("refused")).isEmpty();
    }

    @Test
    void aKillAfterTheGroupIsRecordedLeavesEveryFileToBeTakenOnceUnderItsFlowId() throws Exception {
        killedAndRestarted("recorded", Step.RECORDED);
    }

    @Test
    void aKillAfterTheGroupIsArchivedLeavesEveryFileToBeTakenOnceUnderItsFlowId() throws Exception {
        killedAndRestarted("archived", Step.SYNCED);
    }

    @Test
    void aKillAfterTheSourcesLeftInLeavesEveryFlowTakenOnce() throws Exception {
        killedAndRestarted("removed", Step.SOURCES_REMOVED);
    }

    @Test
    void aKillAfterTheGroupDrewItsIdsSkipsThoseIdsAndTakesEveryFileOnce() throws Exception {
        // given four files, and an engine killed once their group's ids are drawn, before anything is recorded
        Map<Path, String> dropped = drop("drawn", 4);
        long[] skipped = new long[4];
        FlowRegistry dying = new FlowRegistry(jdbc, transactions) {
            @Override
            public long[] nextSequences(int count) {
                long[] drawn = super.nextSequences(count);
                System.arraycopy(drawn, 0, skipped, 0, Math.min(count, skipped.length));
                throw new Killed(null);
            }
        };
        assertThatThrownBy(() -> reception(dying).takeAll(PARTNER, Environment.PRODUCTION,
                List.copyOf(dropped.keySet()))).isInstanceOf(Killed.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flow WHERE original_name LIKE 'drawn-%'", Integer.class))
                .isZero();

        // when the engine restarts: recovery empties the staging area, the next poll takes what is in in/
        new IntakeRecovery(archive, registry, mailboxes, publications, false).recover();
        List<ReceivedFlow> taken = reception.takeAll(PARTNER, Environment.PRODUCTION, remaining("drawn"));

        // then each file is one flow, under an id drawn after the skipped ones, archived with its content
        assertThat(taken).hasSize(4);
        assertThat(taken).extracting(f -> f.flowId().sequence()).doesNotHaveDuplicates()
                .allSatisfy(sequence -> assertThat(sequence).isGreaterThan(skipped[3]));
        for (ReceivedFlow flow : taken) {
            assertThat(FlowArchive.sha256Of(flow.archivePath())).isEqualTo(dropped.get(flow.sourcePath()));
        }
        assertThat(remaining("drawn")).isEmpty();
        assertThat(dataDir.resolve("archive/.staging")).isEmptyDirectory();
    }

    /** Where the simulated kill strikes: just after the group's step of that name. */
    private enum Step { RECORDED, SYNCED, SOURCES_REMOVED }

    /** What a SIGKILL does to the take: nothing after it runs, no catch sees it. */
    private static final class Killed extends Error {
        Killed(Step step) {
            super("killed after " + step);
        }
    }

    private void killedAndRestarted(String prefix, Step killAt) throws Exception {
        // given four files, and an engine killed at one step of their group take
        Map<Path, String> dropped = drop(prefix, 4);
        FlowRegistry dying = new FlowRegistry(jdbc, transactions) {
            @Override
            public void insertReceived(List<Reception> group) {
                super.insertReceived(group);
                killIf(Step.RECORDED);
            }

            @Override
            public void forceToDisk() {
                super.forceToDisk();
                killIf(Step.SYNCED);
            }

            @Override
            public void markSourcesRemoved(List<FlowId> flowIds) {
                killIf(Step.SOURCES_REMOVED); // the files are gone from in/, their removal not recorded
                super.markSourcesRemoved(flowIds);
            }

            private void killIf(Step step) {
                if (step == killAt) {
                    throw new Killed(step);
                }
            }
        };
        FlowReception killed = reception(dying);
        assertThatThrownBy(() -> killed.takeAll(PARTNER, Environment.PRODUCTION, List.copyOf(dropped.keySet())))
                .isInstanceOf(Killed.class);
        List<String> recordedIds = jdbc.queryForList("SELECT flow_id FROM flow WHERE original_name LIKE ?",
                String.class, prefix + "-%");
        assertThat(recordedIds).hasSize(4);

        // when the engine restarts: recovery, then the mailbox's next poll takes what is still in in/
        List<ReceivedFlow> unreported = new IntakeRecovery(archive, registry, mailboxes, publications, false).recover();
        List<ReceivedFlow> taken = new ArrayList<>(reception.takeAll(PARTNER, Environment.PRODUCTION,
                remaining(prefix)));
        unreported.stream().filter(f -> f.originalName().startsWith(prefix + "-")).forEach(taken::add);

        // then each file is one flow, under the id recorded before the kill, archived with its content, and no
        // take is left interrupted
        assertThat(taken).extracting(f -> f.flowId().value()).containsExactlyInAnyOrderElementsOf(recordedIds);
        for (ReceivedFlow flow : taken) {
            assertThat(FlowArchive.sha256Of(flow.archivePath())).isEqualTo(dropped.get(flow.sourcePath()));
        }
        assertThat(remaining(prefix)).isEmpty();
        assertThat(registry.interruptedTakes()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flow WHERE original_name LIKE ? AND source_removed",
                Integer.class, prefix + "-%")).isEqualTo(4);
        assertThat(dataDir.resolve("archive/.staging")).isEmptyDirectory();
    }

    /** A take on the engine's archive and database, through {@code registry}. */
    private FlowReception reception(FlowRegistry registry) {
        return new FlowReception(archive, registry, new InterfaceSniffer(), properties.platformCode(),
                Clock.systemUTC(), properties.validation().toSettings().maxFileSize(), new UnreadableEntries(),
                arrivals, FlowClaims.single());
    }

    /** Drops {@code count} distinct files named {@code prefix-i.xml}: path to SHA-256. */
    private Map<Path, String> drop(String prefix, int count) throws IOException {
        Path in = mailboxes.in(PARTNER);
        for (int i = 0; i < count; i++) {
            Files.write(in.resolve(prefix + "-" + i + ".xml"),
                    ("<Invoice>" + prefix + " " + i + "</Invoice>").getBytes(StandardCharsets.UTF_8));
        }
        List<Path> files = remaining(prefix);
        Map<Path, String> dropped = new LinkedHashMap<>();
        for (Path file : files) {
            dropped.put(file.toAbsolutePath(), FlowArchive.sha256Of(file));
        }
        return dropped;
    }

    private List<Path> remaining(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(mailboxes.in(PARTNER))) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix + "-")).map(Path::toAbsolutePath)
                    .sorted().collect(Collectors.toList());
        }
    }
}
