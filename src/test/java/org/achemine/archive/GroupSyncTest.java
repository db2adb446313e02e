package org.achemine.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupSyncTest {

    @TempDir
    Path folder;

    private final GroupSync group = new GroupSync(4);

    @AfterEach
    void stopThreads() {
        group.shutdown();
    }

    @Test
    void syncsEveryFileOfAGroupAndEveryFolderLeavingTheirContentAsWritten() throws IOException {
        // given 50 files in 10 folders
        List<Path> files = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        for (int f = 0; f < 10; f++) {
            folders.add(Files.createDirectories(folder.resolve("recipient-" + f)));
        }
        for (int i = 0; i < 50; i++) {
            files.add(Files.writeString(folders.get(i % 10).resolve("invoice-" + i + ".xml"), "<Invoice n='" + i + "'/>"));
        }

        // when the group is synced, then its folders
        group.files(files);
        group.directories(folders);

        // then every file is still there with its content
        for (int i = 0; i < 50; i++) {
            assertThat(files.get(i)).hasContent("<Invoice n='" + i + "'/>");
        }
    }

    @Test
    void aFileThatCannotBeSyncedFailsTheGroupWithItsOwnError() throws IOException {
        // given a group in which one file is missing
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            files.add(Files.writeString(folder.resolve("invoice-" + i + ".xml"), "x"));
        }
        Path missing = folder.resolve("gone.xml");
        files.add(7, missing);

        // when synced, then the group fails with the missing file's error, not a wrapper
        assertThatThrownBy(() -> group.files(files))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("gone.xml");
    }

    @Test
    void theSharedGroupSyncsOneFileOrNone() throws IOException {
        Path one = Files.writeString(folder.resolve("one.xml"), "1");

        GroupSync.syncFiles(List.of());
        GroupSync.syncFiles(List.of(one));
        GroupSync.syncDirectories(List.of(folder));

        assertThat(one).hasContent("1");
    }

    @Test
    void aGroupSyncAnsweredWhileTheCallerIsInterruptedStillSyncsEverythingAndKeepsTheInterrupt() throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            files.add(Files.writeString(folder.resolve("invoice-" + i + ".xml"), "x"));
        }

        Thread.currentThread().interrupt();
        try {
            group.files(files);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
