package org.achemine.channel.sftp;

import java.time.Instant;

/** One line of the SFTP audit: when (the platform's clock), what, who (the account given), from where, which file. */
public record AuditEntry(long id, Instant at, AuditEvent event, String partner, String remote, String file, Long size,
                         String detail) {
}
