package org.achemine.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowArchiveTest {

    private static final String EMPTY_SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String ABC_SHA = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;

    @Test
    void stagingHashesTheCopyAndPublishingPlacesItReadOnlyUnderItsDay() throws IOException {
        // given a file and an archive
        Path source = Files.writeString(dir.resolve("in.xml"), "abc");
        FlowArchive archive = new FlowArchive(dir.resolve("archive"));

        // when it is staged and published for a flow received on 2026-11-23
        ArchivedOriginal staged = archive.stage(source);
        Path target = archive.pathFor("ACH0011100000000000000001", Instant.parse("2026-11-23T23:59:59.999Z"));
        archive.publish(staged, target);

        // then the copy has the original's SHA-256 and size, sits under yyyy/MM/dd, read-only, staging empty
        assertThat(staged.sha256()).isEqualTo(ABC_SHA);
        assertThat(staged.size()).isEqualTo(3);
        assertThat(target).isEqualTo(dir.resolve("archive/2026/11/23/ACH0011100000000000000001"));
        assertThat(FlowArchive.sha256Of(target)).isEqualTo(ABC_SHA);
        assertThat(Files.getPosixFilePermissions(target))
                .doesNotContain(PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE,
                        PosixFilePermission.OTHERS_WRITE);
        assertThat(staged.staged()).doesNotExist();
        assertThat(archive.clearStaging()).isZero();
    }

    @Test
    void aGroupsCopiesAreForcedTogetherAndOneMissingFailsTheGroup() throws IOException {
        // given two files staged for one take group, published under the same day, and a third staged
        FlowArchive archive = new FlowArchive(dir.resolve("archive"));
        ArchivedOriginal first = archive.stage(Files.writeString(dir.resolve("a.xml"), "abc"));
        ArchivedOriginal second = archive.stage(Files.writeString(dir.resolve("b.xml"), "other"));
        archive.forceStaged(List.of(first, second));
        Path day = Path.of("2026/11/23");
        Path firstTarget = archive.pathFor("ACH0011100000000000000010", Instant.parse("2026-11-23T10:00:00Z"));
        Path secondTarget = archive.pathFor("ACH0011100000000000000011", Instant.parse("2026-11-23T10:00:01Z"));
        archive.publish(first, firstTarget);
        archive.publish(second, secondTarget);
        ArchivedOriginal lost = archive.stage(Files.writeString(dir.resolve("c.xml"), "abc"));

        // when the published ones' folders are forced, and a group whose copy vanished is forced
        archive.forcePublished(List.of(firstTarget, secondTarget));
        Files.delete(lost.staged());

        // then the published originals are whole under their day, and the group with a missing copy fails
        assertThat(firstTarget.getParent()).isEqualTo(dir.resolve("archive").resolve(day));
        assertThat(FlowArchive.sha256Of(firstTarget)).isEqualTo(ABC_SHA);
        assertThat(Files.readString(secondTarget)).isEqualTo("other");
        ArchivedOriginal beside = archive.stage(Files.writeString(dir.resolve("d.xml"), "abc"));
        assertThatThrownBy(() -> archive.forceStaged(List.of(lost, beside))).isInstanceOf(IOException.class);
    }

    @Test
    void anArchivedOriginalIsNeverOverwritten() throws IOException {
        // given an original already archived under a flow id
        FlowArchive archive = new FlowArchive(dir.resolve("archive"));
        Path target = archive.pathFor("ACH0011100000000000000002", Instant.parse("2026-11-23T10:00:00Z"));
        archive.publish(archive.stage(Files.writeString(dir.resolve("a.xml"), "abc")), target);

        // when other content is published under the same id
        ArchivedOriginal other = archive.stage(Files.writeString(dir.resolve("b.xml"), "other"));

        // then it is refused and the archived original is unchanged
        assertThatThrownBy(() -> archive.publish(other, target)).isInstanceOf(IOException.class)
                .hasMessageContaining("not overwritten");
        assertThat(FlowArchive.sha256Of(target)).isEqualTo(ABC_SHA);
    }

    @Test
    void publishingTheSameBytesAgainAfterACrashIsHarmless() throws IOException {
        // given an original published before a crash, and the same file staged again after the restart
        FlowArchive archive = new FlowArchive(dir.resolve("archive"));
        Path target = archive.pathFor("ACH0011100000000000000003", Instant.parse("2026-11-23T10:00:00Z"));
        Path source = Files.writeString(dir.resolve("a.xml"), "abc");
        archive.publish(archive.stage(source), target);
        ArchivedOriginal again = archive.stage(source);

        // when it is published again
        archive.publish(again, target);

        // then nothing changes and the staged copy is dropped
        assertThat(FlowArchive.sha256Of(target)).isEqualTo(ABC_SHA);
        assertThat(again.staged()).doesNotExist();
    }

    @Test
    void emptyFilesAreArchivedToo() throws IOException {
        // given an empty file
        FlowArchive archive = new FlowArchive(dir.resolve("archive"));

        // when it is staged
        ArchivedOriginal staged = archive.stage(Files.createFile(dir.resolve("empty.xml")));

        // then its hash is that of no bytes
        assertThat(staged.size()).isZero();
        assertThat(staged.sha256()).isEqualTo(EMPTY_SHA);
    }

    @Test
    void startUpClearsStagedCopiesLeftByACrash() throws IOException {
        // given copies left in the staging area by a killed engine
        FlowArchive archive = new FlowArchive(dir.resolve("archive"));
        archive.stage(Files.writeString(dir.resolve("a.xml"), "abc"));
        archive.stage(Files.writeString(dir.resolve("b.xml"), "def"));

        // when the staging area is cleared
        int removed = archive.clearStaging();

        // then both are gone
        assertThat(removed).isEqualTo(2);
        try (var left = Files.list(dir.resolve("archive/.staging"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void atomicWriteReplacesTheTargetAndLeavesNoTemporaryName() throws IOException {
        // given an older report
        Path target = Files.writeString(dir.resolve("r.cr.xml"), "old");
        Path temporary = dir.resolve(".r.cr.xml.tmp");

        // when a new one is written atomically
        AtomicFiles.write(temporary, target, "new".getBytes());

        // then the target holds the new content and the temporary name is gone
        assertThat(target).hasContent("new");
        assertThat(temporary).doesNotExist();
    }

    @Test
    void aSymbolicLinkIsNeverFollowed() throws IOException {
        // given a link in a mailbox pointing at a file outside it
        Path secret = Files.writeString(dir.resolve("secret.txt"), "not yours");
        Path link = Files.createSymbolicLink(dir.resolve("link.xml"), secret);
        FlowArchive archive = new FlowArchive(dir.resolve("archive"));

        // then staging it fails rather than copying the target, and leaves nothing staged
        assertThatThrownBy(() -> archive.stage(link)).isInstanceOf(IOException.class);
        assertThat(archive.clearStaging()).isZero();
    }
}
