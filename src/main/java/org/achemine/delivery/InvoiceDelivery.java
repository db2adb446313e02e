package org.achemine.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.achemine.archive.AtomicFiles;
import org.achemine.config.AchemineProperties.DeliveryFormat;
import org.achemine.config.AchemineProperties.Partner;
import org.achemine.mailbox.Mailboxes;
import org.achemine.validation.Incident;
import org.achemine.validation.InvoiceDocument;

/**
 * Puts a routed invoice in its recipient's mailbox ({@code mailboxes/<recipient partner>/out/} when a
 * configured recipient partner serves the SIRET, else {@code mailboxes/<SIRET>/out/}), in the partner's
 * {@link DeliveryFormat} (the original as {@code <invoiceId>_<original name>}, or the pivot): written under a
 * temporary name, then published without ever replacing a file. Exactly once: a delivery found already there (a run interrupted after the file was
 * published but before the database said so) is taken as done, never written twice.
 */
public class InvoiceDelivery {

    private final Mailboxes mailboxes;
    private final ArchivedDocuments documents;
    private final boolean durable;
    private final Map<DeliveryFormat, DeliveryWriter> writers;

    /**
     * @param durable force each delivered file (and its folder entry) to disk before the database records
     *                the delivery: survives a power loss, at the cost of two disk syncs per invoice. Without
     *                it a delivery survives a crash of the engine (the operating system keeps the file).
     */
    public InvoiceDelivery(Mailboxes mailboxes, ArchivedDocuments documents, boolean durable) {
        this(mailboxes, documents, durable, Map.of(DeliveryFormat.ORIGINAL, new OriginalDelivery()));
    }

    /** @param writers one per format partners may ask for; ORIGINAL is required (recipients without a partner) */
    public InvoiceDelivery(Mailboxes mailboxes, ArchivedDocuments documents, boolean durable,
                           Map<DeliveryFormat, DeliveryWriter> writers) {
        if (!writers.containsKey(DeliveryFormat.ORIGINAL)) {
            throw new IllegalArgumentException("The original delivery format is required");
        }
        this.mailboxes = mailboxes;
        this.documents = documents;
        this.durable = durable;
        this.writers = Map.copyOf(writers);
    }

    public Path outbox(String recipientSiret) {
        return mailboxes.recipientOut(recipientSiret);
    }

    /** Where an invoice is (or will be) delivered: fixed by its id, recipient and original name. */
    public Path target(String invoiceId, String recipientSiret, String entryName) {
        return target(invoiceId, recipientSiret, entryName, Resend.NON, 1);
    }

    /**
     * Where an invoice is (or will be) delivered, named by the recipient's format: for the original, flagged
     * when it is delivered again ({@link OriginalDelivery}); for the pivot, by its own flow id.
     */
    public Path target(String invoiceId, String recipientSiret, String entryName, Resend resend, int occurrence) {
        Delivery delivery = delivery(invoiceId, recipientSiret, entryName, resend, occurrence);
        return outbox(recipientSiret).resolve(writer(delivery).fileName(delivery));
    }

    /** The file already delivered for this invoice, if a previous run got that far. */
    public Optional<Path> alreadyDelivered(String invoiceId, String recipientSiret, String entryName) {
        return alreadyDelivered(invoiceId, recipientSiret, entryName, Resend.NON, 1);
    }

    public Optional<Path> alreadyDelivered(String invoiceId, String recipientSiret, String entryName, Resend resend,
                                           int occurrence) {
        Path target = target(invoiceId, recipientSiret, entryName, resend, occurrence);
        return Files.exists(target) ? Optional.of(target) : Optional.empty();
    }

    public Path deliver(String invoiceId, String flowId, int rank, String recipientSiret, String entryName)
            throws IOException {
        return deliver(invoiceId, flowId, rank, recipientSiret, entryName, Resend.NON, 1);
    }

    /** Delivers an invoice (again, when {@code resend} says so; {@code occurrence} counts its completions). */
    public Path deliver(String invoiceId, String flowId, int rank, String recipientSiret, String entryName,
                        Resend resend, int occurrence) throws IOException {
        Path target = target(invoiceId, recipientSiret, entryName, resend, occurrence);
        if (Files.exists(target)) {
            return target;
        }
        Delivery delivery = delivery(invoiceId, recipientSiret, entryName, resend, occurrence);
        byte[] content = content(delivery, documents.document(flowId, rank));
        Path outbox = Files.createDirectories(target.getParent());
        Path temp = outbox.resolve("." + target.getFileName() + ".tmp");
        try {
            if (durable) {
                AtomicFiles.writeDurably(temp, content);
                AtomicFiles.publishNew(temp, target);
            } else {
                Files.write(temp, content);
                AtomicFiles.publishNewUnsynced(temp, target);
            }
        } catch (IOException | RuntimeException failed) {
            AtomicFiles.discard(temp, failed);
            throw failed;
        }
        return target;
    }

    /** The file the format makes; a format that cannot make a valid one publishes nothing (an incident). */
    private byte[] content(Delivery delivery, InvoiceDocument original) throws IOException {
        try {
            return writer(delivery).content(delivery, original);
        } catch (IOException | RuntimeException failed) {
            String incident = Incident.log("delivering an invoice", delivery.invoiceId(), failed);
            throw new IOException("Invoice " + delivery.invoiceId() + " not delivered (incident " + incident
                    + "); it stays to be routed and is tried again: " + failed.getMessage(), failed);
        }
    }

    private Delivery delivery(String invoiceId, String recipientSiret, String entryName, Resend resend,
                              int occurrence) {
        Partner partner = mailboxes.recipientPartner(recipientSiret).orElse(null);
        return new Delivery(invoiceId, recipientSiret, partner, entryName, resend, occurrence);
    }

    private DeliveryWriter writer(Delivery delivery) {
        DeliveryFormat format = delivery.recipientPartner() == null
                ? DeliveryFormat.ORIGINAL : delivery.recipientPartner().deliveryFormat();
        DeliveryWriter writer = writers.get(format);
        if (writer == null) {
            throw new IllegalStateException("No writer for the delivery format " + format + " of partner "
                    + delivery.recipientPartner().code());
        }
        return writer;
    }
}
