package org.achemine.delivery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.achemine.mailbox.Mailboxes;
import org.achemine.publication.PublicationJournal;
import org.achemine.publication.PublicationKind;

/**
 * Puts a routed invoice in its recipient's mailbox ({@code mailboxes/<recipient partner>/out/} when a
 * configured recipient partner serves the SIRET, else {@code mailboxes/<SIRET>/out/}), as
 * {@code <invoiceId>_<original name>}, through the publication journal. Exactly once: a delivery the journal
 * has (a run interrupted after the file was published but before the database said so, the recipient having
 * perhaps taken it already) is taken as done, never written twice.
 */
public class InvoiceDelivery {

    private static final int MAX_NAME = 120;

    private final Mailboxes mailboxes;
    private final ArchivedDocuments documents;
    private final boolean durable;
    private final PublicationJournal publications;

    /**
     * @param durable force each delivered file to disk before the journal records it: survives a power loss, at the cost of two disk syncs per invoice. Without
     *                it a delivery survives a crash of the engine (the operating system keeps the file).
     */
    public InvoiceDelivery(Mailboxes mailboxes, ArchivedDocuments documents, boolean durable,
                           PublicationJournal publications) {
        this.publications = publications;
        this.mailboxes = mailboxes;
        this.documents = documents;
        this.durable = durable;
    }

    public Path outbox(String recipientSiret) {
        return mailboxes.recipientOut(recipientSiret);
    }

    /** Where an invoice is (or will be) delivered: fixed by its id, recipient and original name. */
    public Path target(String invoiceId, String recipientSiret, String entryName) {
        return target(invoiceId, recipientSiret, entryName, Resend.NON, 1);
    }

    /**
     * Where an invoice is (or will be) delivered, its name flagged when it is delivered again:
     * {@code <invoiceId>_<FLAG>_<original name>} (e.g. {@code _COMPLETEE_}, {@code _RECYCLEE_}; a second
     * completion of the same invoice {@code _COMPLETEE2_}).
     */
    public Path target(String invoiceId, String recipientSiret, String entryName, Resend resend, int occurrence) {
        String flag = resend.fileFlag(occurrence);
        return outbox(recipientSiret).resolve(invoiceId + "_" + (flag.isEmpty() ? "" : flag + "_") + safeName(entryName));
    }

    /** The file already delivered for this invoice, if a previous run got that far. */
    public Optional<Path> alreadyDelivered(String invoiceId, String recipientSiret, String entryName)
            throws IOException {
        return alreadyDelivered(invoiceId, recipientSiret, entryName, Resend.NON, 1);
    }

    /**
     * The file an earlier run delivered for this invoice, as the publication journal knows it (the recipient
     * may have taken it since): a delivery journaled but not yet shown is finished first.
     */
    public Optional<Path> alreadyDelivered(String invoiceId, String recipientSiret, String entryName, Resend resend,
                                           int occurrence) throws IOException {
        Path target = target(invoiceId, recipientSiret, entryName, resend, occurrence);
        if (!publications.isJournaled(target)) {
            return Optional.empty();
        }
        publications.finish(target);
        return Optional.of(target);
    }

    public Path deliver(String invoiceId, String flowId, int rank, String recipientSiret, String entryName)
            throws IOException {
        return deliver(invoiceId, flowId, rank, recipientSiret, entryName, Resend.NON, 1);
    }

    /** Delivers an invoice (again, when {@code resend} says so; {@code occurrence} counts its completions). */
    public Path deliver(String invoiceId, String flowId, int rank, String recipientSiret, String entryName,
                        Resend resend, int occurrence) throws IOException {
        Path target = target(invoiceId, recipientSiret, entryName, resend, occurrence);
        return publications.publishOnce(PublicationKind.DELIVERY, invoiceId, target, durable,
                () -> documents.document(flowId, rank).bytes());
    }

    /** The last segment of the document's name, reduced to characters every file system and partner accepts. */
    static String safeName(String entryName) {
        String last = entryName.substring(Math.max(entryName.lastIndexOf('/'), entryName.lastIndexOf('\\')) + 1);
        String safe = last.replaceAll("[^A-Za-z0-9._-]", "_");
        if (!safe.toLowerCase(java.util.Locale.ROOT).endsWith(".xml")) {
            safe = safe + ".xml";
        }
        return safe.length() <= MAX_NAME ? safe : safe.substring(safe.length() - MAX_NAME);
    }
}
