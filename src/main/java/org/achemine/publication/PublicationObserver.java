package org.achemine.publication;

/**
 * Told of every file the journal records, in the same commit as its row, with its content: a channel that also
 * pushes published files somewhere (AS2) keeps what it needs there, as the partner may take the file from
 * {@code out/} at once. It must not throw for a file it has no use for.
 */
@FunctionalInterface
public interface PublicationObserver {

    /** No channel pushes anything. */
    PublicationObserver NONE = (kind, mailbox, fileName, sha256, content) -> { };

    void journaled(PublicationKind kind, String mailbox, String fileName, String sha256, byte[] content);
}
