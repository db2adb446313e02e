package org.achemine.channel.sftp;

/** What the SFTP audit records. */
public enum AuditEvent {
    /** A client opened a connection (before any login). */
    CONNECT,
    LOGIN_OK,
    /** A key or an account refused, or a login while blocked by throttling (detail says which). */
    LOGIN_REFUSED,
    /** A file completely written in {@code in/} (published under its name on close). */
    UPLOAD,
    /** A file of the mailbox read to its end or closed after reading. */
    DOWNLOAD,
    DELETE,
    RENAME,
    /** An operation the jail refused (outside {@code in/} and {@code out/}, a link, a folder...). */
    DENIED
}
