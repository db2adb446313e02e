package org.achemine.channel;

import java.util.Locale;

/** How a flow reached a partner's {@code in/}; recorded on the flow row ({@code flow.channel}). */
public enum Channel {
    /** Put there by anything outside achemine (a copy, an operator's own SFTP or NFS server). */
    FOLDER,
    /** Uploaded to achemine's embedded SFTP server. */
    SFTP,
    /** Received on achemine's AS2 endpoint (the session is the message's Message-ID). */
    AS2;

    /** The value stored in the database and shown by {@code flow show}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
