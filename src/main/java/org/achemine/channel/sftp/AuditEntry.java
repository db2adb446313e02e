package org.achemine.channel.sftp;

import java.time.Instant;

/**
 * One line of the SFTP audit: when (the platform's clock), what, who (the account given), from where, in which
 * session (the reference a flow uploaded in it carries), which file.
 */
public record AuditEntry(long id, Instant at, AuditEvent event, String partner, String remote, String session,
                         String file, Long size, String detail) {
}
