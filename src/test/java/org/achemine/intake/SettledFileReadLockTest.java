package org.achemine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.achemine.testing.MutableClock;
import org.apache.camel.component.file.GenericFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mailbox routes' filter and read lock (issue 16): the listing starts every file settling, lets through only
 * settled files, and the hand-over checks once more that the file is still as it settled.
 */
class SettledFileReadLockTest {

    @TempDir
    Path inbox;

    private final MutableClock clock = new MutableClock();
    private final Settling settling = new Settling(Duration.ofSeconds(1), clock);
    private final SettledFileReadLock settledFiles = new SettledFileReadLock(settling);

    @Test
    void aBurstLargerThanAPollSettlesWholeAtItsFirstListing() throws Exception {
        // given 500 files, more than a poll hands over (200)
        List<Path> burst = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            burst.add(Files.writeString(inbox.resolve("facture-" + i + ".xml"), "<x>" + i + "</x>"));
        }

        // when one listing has seen them all, then the interval has passed
        assertThat(burst).noneMatch(this::listed);
        clock.advance(Duration.ofSeconds(1));

        // then every one is let through by the next listing, and handed over once
        assertThat(burst).allMatch(this::listed);
        assertThat(burst).allMatch(this::handedOver);
        assertThat(burst).noneMatch(this::handedOver); // forgotten once handed over: a failed take settles again
    }

    @Test
    void aFileListedBeforeTheIntervalIsNotLetThrough() throws Exception {
        Path file = Files.writeString(inbox.resolve("facture.xml"), "<x/>");

        assertThat(listed(file)).isFalse();
        clock.advance(Duration.ofMillis(999));
        assertThat(listed(file)).isFalse();
        assertThat(handedOver(file)).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(listed(file)).isTrue();
    }

    @Test
    void aFileChangedBetweenTheListingAndTheHandOverIsNotHandedOver() throws Exception {
        // given a file settled at its listing
        Path file = Files.writeString(inbox.resolve("facture.xml"), "<x/>");
        listed(file);
        clock.advance(Duration.ofSeconds(1));
        assertThat(listed(file)).isTrue();

        // when its writer appends to it before the hand-over
        Files.writeString(file, "<x>encore</x>");

        // then the hand-over looks again and waits for it to settle anew
        assertThat(handedOver(file)).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(listed(file)).isTrue();
        assertThat(handedOver(file)).isTrue();
    }

    @Test
    void aFileDatedInTheFutureSettlesLikeAnyOther() throws Exception {
        Path file = Files.writeString(inbox.resolve("facture.xml"), "<x/>");
        Files.setLastModifiedTime(file, FileTime.fromMillis(4_070_908_800_000L)); // 2099-01-01

        listed(file);
        clock.advance(Duration.ofSeconds(1));

        assertThat(listed(file)).isTrue();
        assertThat(handedOver(file)).isTrue();
    }

    @Test
    void aDanglingLinkIsLeftToUnlistedEntries(@TempDir Path elsewhere) throws Exception {
        Path dangling = Files.createSymbolicLink(inbox.resolve("pendante.xml"), elsewhere.resolve("absente.xml"));

        listed(dangling);
        clock.advance(Duration.ofSeconds(1));

        assertThat(listed(dangling)).isFalse();
        assertThat(handedOver(dangling)).isFalse();
    }

    @Test
    void namesTheRouteExcludesAreNeitherWatchedNorLetThrough() throws Exception {
        // given files being written under temporary names, as the route's exclude pattern names them
        List<Path> temporary = new ArrayList<>();
        for (String name : List.of("facture.xml.tmp", "facture.xml.part", "FACTURE.XML.TMP", ".facture.xml")) {
            temporary.add(Files.writeString(inbox.resolve(name), "<x/>"));
        }

        // when listings see them before and after the interval, and a hand-over is asked
        assertThat(temporary).noneMatch(this::listed);
        clock.advance(Duration.ofSeconds(1));

        // then none is let through nor handed over, and none is watched
        assertThat(temporary).noneMatch(this::listed);
        assertThat(temporary).noneMatch(this::handedOver);
        assertThat(settling.watched()).isZero();

        // and once renamed to its final name, a file starts settling from its rename
        Path renamed = Files.move(temporary.get(0), inbox.resolve("facture.xml"));
        assertThat(listed(renamed)).isFalse();
        assertThat(settling.watched()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(listed(renamed)).isTrue();
        assertThat(handedOver(renamed)).isTrue();
    }

    @Test
    void temporaryNamesAreMatchedWholeCaseIgnored() {
        Pattern temporary = Pattern.compile(SettledFileReadLock.TEMPORARY_NAMES);
        assertThat(List.of("a.tmp", "a.part", "A.PART", ".cache", "dossier/a.xml"))
                .allMatch(name -> temporary.matcher(name).matches());
        assertThat(List.of("facture.xml", "facture.tmp.xml", "part", "facture.xml.partiel"))
                .noneMatch(name -> temporary.matcher(name).matches());
    }

    /** As Camel's listing sees the file: its size and date read once, at the listing. */
    private boolean listed(Path path) {
        File file = path.toFile();
        GenericFile<File> listed = new GenericFile<>();
        listed.setFile(file);
        listed.setFileName(file.getName());
        listed.setAbsoluteFilePath(file.getAbsolutePath());
        listed.setFileLength(file.length());
        listed.setLastModified(file.lastModified());
        return settledFiles.accept(listed);
    }

    private boolean handedOver(Path path) {
        GenericFile<File> file = new GenericFile<>();
        file.setFile(path.toFile());
        return settledFiles.acquireExclusiveReadLock(null, file, null);
    }
}
