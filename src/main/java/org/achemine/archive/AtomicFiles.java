package org.achemine.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Every file move of the product goes through here: content is written under a temporary name in the
 * target's own folder, forced to disk, then renamed in one step, so a reader (a partner's system, or us
 * after a crash) sees either nothing or the whole file. Each step's result is checked: a failure is an
 * {@link IOException}, never a silent false.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** A step on a file whose folder may not exist yet. */
    @FunctionalInterface
    public interface FileStep<T> {
        T run() throws IOException;
    }

    /**
     * The step, and if it finds {@code folder} missing, the folder made and the step tried once more: folders are
     * made when missing, not checked before each file (a mkdir and a stat per file; docs/benchmarks.md, « The
     * kernel's file work per flow »).
     */
    public static <T> T inFolderMadeWhenMissing(Path folder, FileStep<T> step) throws IOException {
        try {
            return step.run();
        } catch (NoSuchFileException noFolder) {
            Files.createDirectories(folder);
            return step.run();
        }
    }

    /** Writes bytes to {@code file} (created or truncated) and forces them to disk. */
    public static void writeDurably(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /**
     * Forces a file already written to disk: for writers that write many files first and sync them afterwards,
     * so the disk's work for a group is asked for together rather than file by file.
     */
    public static void syncFile(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /**
     * Publishes {@code temp} as {@code target} atomically and never over an existing file: the hard link
     * fails if the target exists (write-once), then the temporary name is dropped.
     *
     * @throws FileAlreadyExistsException when {@code target} is already there; {@code temp} is left in place
     */
    public static void publishNew(Path temp, Path target) throws IOException {
        publishNewUnsynced(temp, target);
        syncDirectory(target.getParent());
    }

    /**
     * {@link #publishNew} without forcing the folder entry to disk: as atomic and as write-once, durable
     * against a crash of the JVM but not against a power loss.
     */
    public static void publishNewUnsynced(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (UnsupportedOperationException noHardLinks) {
            // Rare file systems without hard links: a move without REPLACE_EXISTING still refuses to clobber.
            Files.move(temp, target);
            return;
        }
        Files.delete(temp);
    }

    /** Renames {@code temp} to {@code target} in one step, replacing any older {@code target}. */
    public static void replace(Path temp, Path target) throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(target.getParent());
    }

    /**
     * Writes {@code bytes} under {@code temp}, then renames it to {@code target}. A failed or interrupted
     * write removes its temporary file (an interrupt closes the channel: a shutdown must not leave one).
     */
    public static void write(Path temp, Path target, byte[] bytes) throws IOException {
        try {
            writeDurably(temp, bytes);
            replace(temp, target);
        } catch (IOException | RuntimeException failed) {
            discard(temp, failed);
            throw failed;
        }
    }

    /** Removes a temporary file after a failure, keeping the first failure as the one reported. */
    public static void discard(Path temp, Exception cause) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException notRemoved) {
            cause.addSuppressed(notRemoved);
        }
    }

    /** Makes a folder's entries (a rename, a new link) durable; a no-op where folders cannot be opened. */
    public static void syncDirectory(Path directory) throws IOException {
        if (directory == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notOnThisPlatform) {
            // Windows cannot open a directory as a channel; its renames are durable on their own.
            if (Files.isDirectory(directory) && !System.getProperty("os.name", "").startsWith("Windows")) {
                throw notOnThisPlatform instanceof IOException io ? io : new IOException(notOnThisPlatform);
            }
        }
    }
}
