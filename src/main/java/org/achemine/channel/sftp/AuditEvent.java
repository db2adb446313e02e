package org.achemine.channel.sftp;

/** What the SFTP audit records. */
public enum AuditEvent {
    /** A client opened a connection (before any login). */
    CONNECT,
    LOGIN_OK,
    /**
     * A key, a password or an account refused, a login while blocked by throttling, or one session too many
     * (detail says which).
     */
    LOGIN_REFUSED,
    /** A file completely written in {@code in/} (published under its name on close). */
    UPLOAD,
    /** A file of the mailbox read to its end or closed after reading. */
    DOWNLOAD,
    DELETE,
    RENAME,
    /**
     * An operation the jail refused (outside {@code in/} and {@code out/}, a link, a folder...), or an upload
     * over the size limit or cut off (nothing published).
     */
    DENIED,
    /** A session the server closed (idle past the timeout, its partner disabled...); detail says why. */
    CLOSED
}
