package org.achemine.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The write-once archive of original flow files: {@code archive/yyyy/MM/dd/<flowId>} (UTC receive date).
 * An original is first streamed into {@code archive/.staging/} while its SHA-256 is computed ({@link #stage}),
 * and forced to disk with the other copies of its take group ({@link #forceStaged}); it is then published under
 * its flow id without ever replacing a file ({@link #publish}) and made read-only, and the group's archive
 * folders are forced to disk once ({@link #forcePublished}). Forcing a group's files together lets the file
 * system share its journal commits between them (ADR 0001, "Takes in groups"). The staging folder only ever
 * holds copies of files that are still in a partner's {@code in/}, so it is emptied at start-up.
 */
public final class FlowArchive {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private final Path root;
    private final Path staging;

    public FlowArchive(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.staging = this.root.resolve(".staging");
    }

    /** Where a flow's original lives once published. */
    public Path pathFor(String flowId, Instant receivedAt) {
        return root.resolve(DAY.format(receivedAt)).resolve(flowId);
    }

    /**
     * Copies {@code source} into the staging area, hashing it on the way; not yet forced to disk: the caller
     * forces its group's copies with {@link #forceStaged} before recording any of them. A symbolic link is never
     * followed (it could point outside the mailbox): opening it fails.
     */
    public ArchivedOriginal stage(Path source) throws IOException {
        Path staged = staging.resolve(UUID.randomUUID() + ".part");
        MessageDigest digest = sha256();
        long size;
        try (InputStream in = new DigestInputStream(Files.newInputStream(source, LinkOption.NOFOLLOW_LINKS), digest);
             FileChannel channel = createStaged(staged)) {
            OutputStream out = Channels.newOutputStream(channel);
            size = in.transferTo(out);
        } catch (IOException e) {
            Files.deleteIfExists(staged);
            throw e;
        }
        return new ArchivedOriginal(staged, HexFormat.of().formatHex(digest.digest()), size);
    }

    /** A new staged copy; the staging folder made when missing ({@link AtomicFiles#inFolderMadeWhenMissing}). */
    private FileChannel createStaged(Path staged) throws IOException {
        return AtomicFiles.inFolderMadeWhenMissing(staging,
                () -> FileChannel.open(staged, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    /**
     * Forces staged copies to disk, several at a time ({@link GroupSync}): before any of them is recorded, so
     * that a published original always has its bytes on disk (a power cut never leaves an archived name over
     * missing content, which a finished take would then find "other content").
     */
    public void forceStaged(List<ArchivedOriginal> copies) throws IOException {
        GroupSync.syncFiles(copies.stream().map(ArchivedOriginal::staged).toList());
    }

    /**
     * Publishes a staged copy at {@code target} (from {@link #pathFor}), read-only. If an earlier attempt
     * (before a crash) already published the same bytes there, the staged copy is simply dropped. The new
     * folder entry is durable against a crash of the JVM; against a power cut once {@link #forcePublished}
     * has returned, which the caller awaits before the source leaves {@code in/}.
     *
     * @throws IOException when the target exists with other content: the archive is never overwritten
     */
    public void publish(ArchivedOriginal original, Path target) throws IOException {
        try {
            // the day's folder is made when missing (its first flow), not checked before each publication
            AtomicFiles.inFolderMadeWhenMissing(target.getParent(), () -> {
                AtomicFiles.publishNewUnsynced(original.staged(), target);
                return target;
            });
        } catch (FileAlreadyExistsException exists) {
            if (!sha256Of(target).equals(original.sha256())) {
                throw new IOException("Archive " + target + " already holds other content: not overwritten", exists);
            }
            discard(original);
            return;
        }
        makeReadOnly(target);
    }

    /** Forces the folders of published originals to disk, each once (a group's flows share their day's). */
    public void forcePublished(List<Path> targets) throws IOException {
        Set<Path> folders = new LinkedHashSet<>();
        targets.forEach(target -> folders.add(target.getParent()));
        GroupSync.syncDirectories(folders);
    }

    /**
     * Moves a file into the archive at {@code target} without reading it: a rename within the data folder's
     * file system (a symbolic link is moved itself, never followed). Used for files refused unread (links,
     * special files, oversized files, files we may not read). A regular file we may read is then made read-only. If {@code source} is already
     * gone and {@code target} is there, an earlier attempt (before a crash) did the move.
     *
     * @throws IOException when the target exists while the source is still there: the archive is never overwritten
     */
    public void moveUnread(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        if (Files.notExists(source, LinkOption.NOFOLLOW_LINKS) && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        // No REPLACE_EXISTING: an existing target fails the move. Across file systems Files.move copies instead.
        Files.move(source, target);
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Files.isReadable(target)) {
            makeReadOnly(target); // one we may not read keeps the mode it came with: r--r----- would open it to us
        }
    }

    /** Drops a staged copy that will not be published. */
    public void discard(ArchivedOriginal original) throws IOException {
        Files.deleteIfExists(original.staged());
    }

    /** Empties the staging area; call only while nothing is being taken (start-up). */
    public int clearStaging() throws IOException {
        if (!Files.isDirectory(staging)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(staging)) {
            for (Path leftover : leftovers) {
                Files.delete(leftover);
                removed++;
            }
        }
        return removed;
    }

    public Path root() {
        return root;
    }

    /** SHA-256 (lower-case hex) of a file's content. */
    public static String sha256Of(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void makeReadOnly(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(PosixFilePermissions.fromString("r--r-----"));
        } else if (!file.toFile().setReadOnly()) {
            throw new IOException("Cannot make the archived original read-only: " + file);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
