package org.achemine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When an entry the engine may not take is said again: only once it changed (size, date, owner, permissions)
 * or went and came back. Whether the engine may read it is UnreadableEntriesIT's (an engine without root's
 * read override); here, only the memory, on real files.
 */
class UnreadableEntriesTest {

    @TempDir
    Path inbox;

    private final UnreadableEntries unreadable = new UnreadableEntries();

    @Test
    void aFolderLeftInPlaceIsSaidOnceThenAgainOnlyWhenItsPermissionsOrDateChange() throws Exception {
        // given a folder the engine may not move
        Path folder = Files.createDirectory(inbox.resolve("dossier-ferme.xml"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-x------"));

        // when it is met at every poll, then its permissions change, then its date
        boolean first = unreadable.leftInPlace("FOU001", folder, "test");
        boolean again = unreadable.leftInPlace("FOU001", folder, "test");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("---------"));
        boolean afterChmod = unreadable.leftInPlace("FOU001", folder, "test");
        boolean afterChmodAgain = unreadable.leftInPlace("FOU001", folder, "test");
        Files.setLastModifiedTime(folder, FileTime.from(Instant.parse("2026-11-02T09:00:00Z")));
        boolean afterTouch = unreadable.leftInPlace("FOU001", folder, "test");

        // then it is said the first time and after each change only
        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(afterChmod).isTrue();
        assertThat(afterChmodAgain).isFalse();
        assertThat(afterTouch).isTrue();
    }

    @Test
    void anEntryGoneFromItsInboxIsForgottenAndSaidAgainIfItComesBack() throws Exception {
        // given a folder said once
        Path folder = Files.createDirectory(inbox.resolve("dossier.xml"));
        FileTime date = Files.getLastModifiedTime(folder);
        assertThat(unreadable.leftInPlace("FOU001", folder, "test")).isTrue();

        // when it goes, the inbox is listed, and the same folder comes back with the same date
        Files.delete(folder);
        unreadable.listed("FOU001", inbox);
        Files.createDirectory(folder);
        Files.setLastModifiedTime(folder, date);

        // then it is said again
        assertThat(unreadable.leftInPlace("FOU001", folder, "test")).isTrue();
    }

    @Test
    void anInboxThatCannotBeListedIsSaidOnceUntilItCanBeListedAgain() throws Exception {
        // given an in/ that could not be listed, twice
        AccessDeniedException closed = new AccessDeniedException(inbox.toString());
        boolean first = unreadable.unlistable("COL001", inbox, closed);
        boolean second = unreadable.unlistable("COL001", inbox, closed);

        // when it is listed again, then closed again
        unreadable.listed("COL001", inbox);
        boolean afterReopening = unreadable.unlistable("COL001", inbox, closed);

        // then it was said the first time, and again once it had been listable in between
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(afterReopening).isTrue();
    }
}
