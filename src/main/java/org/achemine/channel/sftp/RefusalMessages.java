package org.achemine.channel.sftp;

import org.apache.sshd.sftp.server.SftpErrorStatusDataHandler;
import org.apache.sshd.sftp.server.SftpSubsystemEnvironment;

/**
 * The text of an SFTP failure status: the reason for an upload the server refused (over the size limit), the
 * SSHD's generic text for anything else (an internal error's details are not the client's business).
 */
final class RefusalMessages implements SftpErrorStatusDataHandler {

    @Override
    public String resolveErrorMessage(SftpSubsystemEnvironment sftp, int id, Throwable failure, int subStatus, int cmd,
                                      Object... args) {
        return failure instanceof UploadChannel.RefusedException refused ? refused.getMessage()
                : SftpErrorStatusDataHandler.super.resolveErrorMessage(sftp, id, failure, subStatus, cmd, args);
    }
}
