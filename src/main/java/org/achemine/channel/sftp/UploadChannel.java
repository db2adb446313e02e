package org.achemine.channel.sftp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.achemine.archive.AtomicFiles;
import org.achemine.qualification.Environment;

/**
 * An upload into {@code in/}, written under a hidden temporary name ({@code .<name>.upload}, which the intake
 * never takes) and published under its name only when the client closes it: the intake never sees half a file,
 * however slow the client. Writes past the intake's size limit are refused.
 */
final class UploadChannel implements SeekableByteChannel {

    private final FileChannel channel;
    private final Path temporary;
    private final Path target;
    private final long maxSize;
    private boolean overLimit;

    /** An upload the server refuses, with the reason the client is told (see {@link RefusalMessages}). */
    static final class RefusedException extends IOException {

        RefusedException(String reason) {
            super(reason);
        }
    }

    private UploadChannel(FileChannel channel, Path temporary, Path target, long maxSize) {
        this.channel = channel;
        this.temporary = temporary;
        this.target = target;
        this.maxSize = maxSize;
    }

    static UploadChannel open(Path target, long maxSize) throws IOException {
        Path temporary = temporaryName(target);
        FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ, StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        return new UploadChannel(channel, temporary, target, maxSize);
    }

    /**
     * Removes the temporary files of uploads a stop of the engine cut off ({@code in/.<name>.upload}): their
     * client saw no successful close, so they were never published, and it uploads again.
     *
     * @return how many were removed
     */
    static int clearInterrupted(Path mailboxesRoot) throws IOException {
        int removed = 0;
        if (!Files.isDirectory(mailboxesRoot)) {
            return 0;
        }
        try (java.nio.file.DirectoryStream<Path> mailboxes = Files.newDirectoryStream(mailboxesRoot, Files::isDirectory)) {
            for (Path mailbox : mailboxes) {
                for (Path in : List.of(mailbox.resolve("in"),
                        mailbox.resolve(Environment.QUALIFICATION_FOLDER).resolve("in"))) {
                    if (!Files.isDirectory(in)) {
                        continue;
                    }
                    try (java.nio.file.DirectoryStream<Path> leftovers = Files.newDirectoryStream(in, ".*.upload")) {
                        for (Path leftover : leftovers) {
                            if (Files.deleteIfExists(leftover)) {
                                removed++;
                            }
                        }
                    }
                }
            }
        }
        return removed;
    }

    static Path temporaryName(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".upload");
    }

    Path target() {
        return target;
    }

    /** Whether a write past the size limit was refused: such an upload is never published. */
    boolean overLimit() {
        return overLimit;
    }

    /**
     * The client closed it: forces the bytes to disk and reads them back once for their SHA-256 (what the intake
     * will find, so it can tell this upload from a later copy under the same name).
     *
     * @return lower-case hex SHA-256
     */
    String complete() throws IOException {
        channel.force(true);
        MessageDigest digest = sha256();
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long position = 0;
        for (int read; (read = channel.read(buffer, position)) > 0; position += read) {
            buffer.flip();
            digest.update(buffer);
            buffer.clear();
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Renames the file to its name (replacing an older upload not yet taken); returns its size. */
    long publish() throws IOException {
        long size = channel.size();
        channel.close();
        AtomicFiles.replace(temporary, target);
        return size;
    }

    /** An upload the client never closed (connection lost): its temporary file is removed, nothing published. */
    void discard() throws IOException {
        channel.close();
        Files.deleteIfExists(temporary);
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        if (channel.position() + source.remaining() > maxSize) {
            overLimit = true;
            throw new RefusedException("upload refused: over the size limit of " + maxSize + " bytes");
        }
        return channel.write(source);
    }

    @Override
    public int read(ByteBuffer destination) throws IOException {
        return channel.read(destination);
    }

    @Override
    public long position() throws IOException {
        return channel.position();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        channel.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) throws IOException {
        channel.truncate(size);
        return this;
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
