package org.achemine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.achemine.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnlistedEntriesTest {

    @TempDir
    Path inbox;

    private final MutableClock clock = new MutableClock();
    private final UnlistedEntries names = new UnlistedEntries(Duration.ofSeconds(1), clock, new UnreadableEntries());

    @Test
    void handsOverABackslashNameOnceItHasBeenStableForTheInterval() throws Exception {
        // given a name with backslashes, an ordinary name and a temporary backslash name
        Path tricky = Files.writeString(inbox.resolve("a\\..\\..\\facture.xml"), "<x/>");
        Files.writeString(inbox.resolve("ordinaire.xml"), "<x/>");
        Files.writeString(inbox.resolve("b\\c.xml.part"), "<x/>");

        // when first seen, then after the interval, then once more
        assertThat(names.stable("FOU001", inbox)).isEmpty();
        clock.advance(Duration.ofMillis(1_000));
        assertThat(names.stable("FOU001", inbox)).containsExactly(tricky);

        // then it is handed over once (a failed take leaves it to settle and come back)
        assertThat(names.stable("FOU001", inbox)).isEmpty();
    }

    @Test
    void handsOverTheLinksCamelNeverListsButNotALinkToAFile(@TempDir Path elsewhere) throws Exception {
        // given a dangling link, a link to a folder (both skipped by Camel's file component) and a link to a
        // regular file (which Camel lists and the mailbox route takes)
        Path dangling = Files.createSymbolicLink(inbox.resolve("facture-pendante.xml"), elsewhere.resolve("absent.xml"));
        Path toFolder = Files.createSymbolicLink(inbox.resolve("facture-dossier.xml"), elsewhere);
        Files.createSymbolicLink(inbox.resolve("facture-lien.xml"), Files.writeString(elsewhere.resolve("f.xml"), "<x/>"));

        // when they have been stable for the interval
        assertThat(names.stable("FOU001", inbox)).isEmpty();
        clock.advance(Duration.ofMillis(1_000));

        // then the two Camel skips are handed over, never followed (the folder is untouched)
        assertThat(names.stable("FOU001", inbox)).containsExactlyInAnyOrder(dangling, toFolder);
        assertThat(elsewhere.resolve("f.xml")).exists();
    }

    @Test
    void waitsWhileTheFileStillChanges() throws Exception {
        // given
        Path tricky = Files.writeString(inbox.resolve("x\\y.xml"), "<x");
        assertThat(names.stable("FOU001", inbox)).isEmpty();
        // when it grows before the interval has passed
        clock.advance(Duration.ofMillis(900));
        Files.writeString(tricky, "<x/>");
        assertThat(names.stable("FOU001", inbox)).isEmpty();
        clock.advance(Duration.ofMillis(900));
        // then the interval starts again from the change
        assertThat(names.stable("FOU001", inbox)).isEmpty();
        clock.advance(Duration.ofMillis(100));
        assertThat(names.stable("FOU001", inbox)).containsExactly(tricky);
    }
}
