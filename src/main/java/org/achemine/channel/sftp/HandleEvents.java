package org.achemine.channel.sftp;

import java.nio.file.StandardOpenOption;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;

/**
 * Tells a file the client closed on purpose from one left open when its connection dropped (only the first
 * is announced by {@code closing}): an upload is published only in the first case; a read is audited as a
 * download.
 */
final class HandleEvents implements SftpEventListener {

    private final JailedFileAccess access;

    HandleEvents(JailedFileAccess access) {
        this.access = access;
    }

    @Override
    public void closing(ServerSession session, String remoteHandle, Handle localHandle) {
        if (!(localHandle instanceof FileHandle file)) {
            return;
        }
        if (file.getFileChannel() instanceof UploadChannel) {
            file.setAttribute(JailedFileAccess.CLOSED_BY_CLIENT, Boolean.TRUE);
        } else if (!file.getOpenOptions().contains(StandardOpenOption.WRITE)) {
            access.downloaded(session, file);
        }
    }
}
