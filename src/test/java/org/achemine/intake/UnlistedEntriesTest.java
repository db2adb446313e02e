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

    @Test
    void listsACrowdedInboxAtMostOncePerPause(@TempDir Path elsewhere) throws Exception {
        // given an in/ holding a burst (more entries than CROWDED) and one dangling link among them
        for (int i = 0; i <= UnlistedEntries.CROWDED; i++) {
            Files.writeString(inbox.resolve("burst-" + i + ".xml"), "<x/>");
        }
        Path dangling = Files.createSymbolicLink(inbox.resolve("lien.xml"), elsewhere.resolve("absent.xml"));
        assertThat(names.stable("FOU001", inbox)).isEmpty();

        // when the link has been stable for the interval, but the pause after a crowded listing is not over
        clock.advance(Duration.ofMillis(1_000));

        // then the in/ is not listed again (the link waits), until the pause is over
        assertThat(names.stable("FOU001", inbox)).isEmpty();
        clock.advance(UnlistedEntries.CROWDED_PAUSE.minusMillis(1_000));
        assertThat(names.stable("FOU001", inbox)).containsExactly(dangling);
    }

    @Test
    void listsAnInboxAtEveryPollOnceItIsNoLongerCrowded() throws Exception {
        // given a crowded in/ listed once, then emptied of its burst
        for (int i = 0; i <= UnlistedEntries.CROWDED; i++) {
            Files.writeString(inbox.resolve("burst-" + i + ".xml"), "<x/>");
        }
        assertThat(names.stable("FOU001", inbox)).isEmpty();
        for (int i = 0; i <= UnlistedEntries.CROWDED; i++) {
            Files.delete(inbox.resolve("burst-" + i + ".xml"));
        }
        Path tricky = Files.writeString(inbox.resolve("a\\b.xml"), "<x/>");

        // when the pause is over: listed, seen; then listed again one interval later
        clock.advance(UnlistedEntries.CROWDED_PAUSE);
        assertThat(names.stable("FOU001", inbox)).isEmpty();
        clock.advance(Duration.ofMillis(1_000));

        // then no pause holds it back any longer
        assertThat(names.stable("FOU001", inbox)).containsExactly(tricky);
    }
}
