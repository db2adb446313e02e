package org.achemine.channel.sftp;

import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.achemine.channel.ChannelArrivals;
import org.achemine.channel.sftp.MailboxAccess.Operation;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.file.root.RootedFileSystem;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.DirectoryHandle;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

/**
 * Every file operation of a partner's SFTP session, checked against {@link MailboxAccess} inside the jail (its
 * mailbox as root, a rooted file system: {@code ..} and absolute paths stay inside), links never followed,
 * uploads written through {@link UploadChannel}, and each operation audited.
 */
final class JailedFileAccess implements SftpFileSystemAccessor {

    /** Set on an upload's handle when the client closes it on purpose (not a lost connection). */
    static final AttributeKey<Boolean> CLOSED_BY_CLIENT = new AttributeKey<>();

    private final SftpAudit audit;
    private final long maxUploadSize;
    private final ChannelArrivals arrivals;

    JailedFileAccess(SftpAudit audit, long maxUploadSize, ChannelArrivals arrivals) {
        this.audit = audit;
        this.maxUploadSize = maxUploadSize;
        this.arrivals = arrivals;
    }

    @Override
    public LinkOption[] resolveFileAccessLinkOptions(SftpSubsystemProxy subsystem, Path file, int cmd, String extension,
                                                    boolean followLinks) {
        return new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
    }

    @Override
    public SeekableByteChannel openFile(SftpSubsystemProxy subsystem, FileHandle fileHandle, Path file, String handle,
                                        Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        boolean writes = options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
        List<String> names = check(subsystem, writes ? Operation.WRITE : Operation.READ, file);
        if (!writes) {
            return SftpFileSystemAccessor.super.openFile(subsystem, fileHandle, file, handle, options, attrs);
        }
        if (options.contains(StandardOpenOption.APPEND)) {
            throw denied(subsystem, file, "appending (resuming an upload) is not supported: upload the whole file");
        }
        return UploadChannel.open(local(file, names), maxUploadSize);
    }

    @Override
    public void closeFile(SftpSubsystemProxy subsystem, FileHandle fileHandle, Path file, String handle, Channel channel,
                          Set<? extends OpenOption> options) throws IOException {
        if (!(channel instanceof UploadChannel upload)) {
            SftpFileSystemAccessor.super.closeFile(subsystem, fileHandle, file, handle, channel, options);
            return;
        }
        if (upload.overLimit()) {
            upload.discard();
            record(subsystem, AuditEvent.DENIED, file, null, "upload over the intake's size limit of " + maxUploadSize
                    + " bytes: refused as it was written, nothing published");
        } else if (Boolean.TRUE.equals(fileHandle.getAttribute(CLOSED_BY_CLIENT))) {
            publish(subsystem.getServerSession(), upload, file);
        } else {
            upload.discard();
            record(subsystem, AuditEvent.DENIED, file, null, "upload interrupted: nothing published");
        }
    }

    /**
     * Announces the upload to the intake (it records the flow as arrived by SFTP, in this session), then
     * publishes it under its name; an announcement whose publication failed is withdrawn.
     */
    private void publish(ServerSession session, UploadChannel upload, Path file) throws IOException {
        String partner = session.getUsername();
        String name = upload.target().getFileName().toString();
        String sha256 = upload.complete();
        arrivals.announce(partner, name, upload.size(), sha256, org.achemine.channel.Channel.SFTP,
                SftpAudit.sessionRef(session));
        long size;
        try {
            size = upload.publish();
        } catch (IOException | RuntimeException e) {
            arrivals.withdraw(partner, name, sha256);
            throw e;
        }
        audit.record(AuditEvent.UPLOAD, partner, session, jailPath(file), size, null);
    }

    @Override
    public DirectoryStream<Path> openDirectory(SftpSubsystemProxy subsystem, DirectoryHandle dirHandle, Path dir,
                                               String handle, LinkOption... linkOptions) throws IOException {
        check(subsystem, Operation.LIST, dir);
        return SftpFileSystemAccessor.super.openDirectory(subsystem, dirHandle, dir, handle, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public Map<String, ?> readFileAttributes(SftpSubsystemProxy subsystem, Path file, String view,
                                             LinkOption... options) throws IOException {
        check(subsystem, Operation.STAT, file);
        return SftpFileSystemAccessor.super.readFileAttributes(subsystem, file, view, LinkOption.NOFOLLOW_LINKS);
    }

    /** Times, modes and owners are the platform's: a client's request to set them is accepted and ignored. */
    @Override
    public void setFileAttribute(SftpSubsystemProxy subsystem, Path file, String view, String attribute, Object value,
                                 LinkOption... options) throws IOException {
        check(subsystem, Operation.STAT, file);
    }

    @Override
    public void setFileOwner(SftpSubsystemProxy subsystem, Path file, Principal value, LinkOption... options)
            throws IOException {
        check(subsystem, Operation.STAT, file);
    }

    @Override
    public void setGroupOwner(SftpSubsystemProxy subsystem, Path file, Principal value, LinkOption... options)
            throws IOException {
        check(subsystem, Operation.STAT, file);
    }

    @Override
    public void setFilePermissions(SftpSubsystemProxy subsystem, Path file, Set<PosixFilePermission> perms,
                                   LinkOption... options) throws IOException {
        check(subsystem, Operation.STAT, file);
    }

    @Override
    public void setFileAccessControl(SftpSubsystemProxy subsystem, Path file, List<AclEntry> acl,
                                     LinkOption... options) throws IOException {
        check(subsystem, Operation.STAT, file);
    }

    @Override
    public void createDirectory(SftpSubsystemProxy subsystem, Path path) throws IOException {
        check(subsystem, Operation.MAKE_FOLDER, path);
    }

    @Override
    public void createLink(SftpSubsystemProxy subsystem, Path link, Path existing, boolean symLink) throws IOException {
        check(subsystem, Operation.LINK, link);
    }

    @Override
    public String resolveLinkTarget(SftpSubsystemProxy subsystem, Path link) throws IOException {
        throw denied(subsystem, link, "links are not allowed");
    }

    @Override
    public void renameFile(SftpSubsystemProxy subsystem, Path oldPath, Path newPath, Collection<CopyOption> opts)
            throws IOException {
        List<String> from = check(subsystem, Operation.RENAME_FROM, oldPath);
        List<String> to = check(subsystem, Operation.RENAME_TO, newPath);
        SftpFileSystemAccessor.super.renameFile(subsystem, oldPath, newPath, opts);
        arrivals.renamed(subsystem.getServerSession().getUsername(), from.get(from.size() - 1), to.get(to.size() - 1));
        record(subsystem, AuditEvent.RENAME, oldPath, null, "to " + newPath);
    }

    @Override
    public void copyFile(SftpSubsystemProxy subsystem, Path src, Path dst, Collection<CopyOption> opts)
            throws IOException {
        throw denied(subsystem, src, "copying on the server is not supported");
    }

    @Override
    public void removeFile(SftpSubsystemProxy subsystem, Path path, boolean isDirectory) throws IOException {
        List<String> names = check(subsystem, isDirectory ? Operation.REMOVE_FOLDER : Operation.DELETE, path);
        long size = java.nio.file.Files.size(path);
        SftpFileSystemAccessor.super.removeFile(subsystem, path, false);
        if ("in".equals(names.get(names.size() - 2))) { // in/ or qualif/in/
            arrivals.forget(subsystem.getServerSession().getUsername(), names.get(names.size() - 1));
        }
        record(subsystem, AuditEvent.DELETE, path, size, null);
    }

    /** Audits a file read through to its close (the client's download). */
    void downloaded(ServerSession session, FileHandle handle) {
        long size;
        try {
            size = java.nio.file.Files.size(handle.getFile());
        } catch (IOException gone) {
            size = -1;
        }
        audit.record(AuditEvent.DOWNLOAD, session.getUsername(), session, jailPath(handle.getFile()),
                size < 0 ? null : size, null);
    }

    private List<String> check(SftpSubsystemProxy subsystem, Operation operation, Path path) throws IOException {
        List<String> names = names(path);
        Optional<String> refusal = MailboxAccess.refusal(operation, names);
        if (refusal.isPresent()) {
            throw denied(subsystem, path, operation + ": " + refusal.get());
        }
        return names;
    }

    private AccessDeniedException denied(SftpSubsystemProxy subsystem, Path path, String why) {
        record(subsystem, AuditEvent.DENIED, path, null, why);
        return new AccessDeniedException(jailPath(path), null, why);
    }

    private void record(SftpSubsystemProxy subsystem, AuditEvent event, Path path, Long size, String detail) {
        ServerSession session = subsystem.getServerSession();
        audit.record(event, session.getUsername(), session, jailPath(path), size, detail);
    }

    /** The path's names inside the jail, from its root ({@code /in/x} gives {@code [in, x]}). */
    static List<String> names(Path path) {
        List<String> names = new ArrayList<>();
        for (Path name : path.toAbsolutePath().normalize()) {
            names.add(name.toString());
        }
        return names;
    }

    private static String jailPath(Path path) {
        return "/" + String.join("/", names(path));
    }

    /** The real file behind an allowed jail path (names checked by {@link MailboxAccess}: in/x or qualif/in/x). */
    private static Path local(Path file, List<String> names) {
        Path local = ((RootedFileSystem) file.getFileSystem()).getRoot();
        for (String name : names) {
            local = local.resolve(name);
        }
        return local;
    }
}
