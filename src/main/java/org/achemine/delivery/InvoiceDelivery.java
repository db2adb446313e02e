package org.achemine.delivery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.achemine.config.AchemineProperties.DeliveryFormat;
import org.achemine.config.AchemineProperties.Partner;
import org.achemine.delivery.ArchivedDocuments.ArchivedFlow;
import org.achemine.mailbox.Mailboxes;
import org.achemine.publication.PublicationJournal;
import org.achemine.publication.PublicationJournal.Group;
import org.achemine.publication.PublicationJournal.Publication;
import org.achemine.publication.PublicationJournal.Renamed;
import org.achemine.publication.PublicationKind;
import org.achemine.validation.Incident;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.attachment.Attachment;

/**
 * Puts a routed invoice in its recipient's mailbox ({@code mailboxes/<recipient partner>/out/} when a
 * configured recipient partner serves the SIRET, else {@code mailboxes/<SIRET>/out/}), in the partner's
 * {@link DeliveryFormat} (the original as {@code <invoiceId>_<original name>}, or the pivot), through the
 * publication journal. Exactly once: a delivery the journal has (a run interrupted after the file was published
 * but before the database said so, the recipient having perhaps taken it already) is taken as done, never
 * written twice.
 */
public class InvoiceDelivery {

    private final Mailboxes mailboxes;
    private final ArchivedDocuments documents;
    private final boolean durable;
    private final Map<DeliveryFormat, DeliveryWriter> writers;
    private final PublicationJournal publications;

    /**
     * @param durable force each delivered file to disk before the journal records it: survives a power loss, at
     *                the cost of one disk sync per invoice (and one per folder per routing chunk). Without it a
     *                delivery survives a crash of the engine (the operating system keeps the file).
     */
    public InvoiceDelivery(Mailboxes mailboxes, ArchivedDocuments documents, boolean durable,
                           PublicationJournal publications) {
        this(mailboxes, documents, durable, publications, Map.of(DeliveryFormat.ORIGINAL, new OriginalDelivery()));
    }

    /** @param writers one per format partners may ask for; ORIGINAL is required (recipients without a partner) */
    public InvoiceDelivery(Mailboxes mailboxes, ArchivedDocuments documents, boolean durable,
                           PublicationJournal publications, Map<DeliveryFormat, DeliveryWriter> writers) {
        if (!writers.containsKey(DeliveryFormat.ORIGINAL)) {
            throw new IllegalArgumentException("The original delivery format is required");
        }
        this.publications = publications;
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
        return target(delivery(invoiceId, recipientSiret, entryName, resend, occurrence));
    }

    private Path target(Delivery delivery) {
        return outbox(delivery.recipientSiret()).resolve(writer(delivery).fileName(delivery));
    }

    /**
     * {@link #alreadyDelivered(String, String, String, Resend, int)} for many invoices (a chunk's refusals) in one
     * look-up of the journal: in the orders' order, empty where no earlier run delivered.
     */
    public List<Optional<Path>> alreadyDeliveredAll(List<Order> orders) throws IOException {
        List<Path> targets = orders.stream().map(order -> target(order.invoiceId(), order.recipientSiret(),
                order.entryName(), order.resend(), order.occurrence())).toList();
        Map<Path, PublicationJournal.Entry> journaled = publications.findAll(targets);
        List<Optional<Path>> delivered = new ArrayList<>(targets.size());
        for (Path target : targets) {
            if (journaled.containsKey(target)) {
                publications.finish(target);
                delivered.add(Optional.of(target));
            } else {
                delivered.add(Optional.empty());
            }
        }
        return delivered;
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
        return deliver(new Order(invoiceId, flowId, rank, recipientSiret, entryName, resend, occurrence));
    }

    public Path deliver(Order order) throws IOException {
        return deliverAll(List.of(order)).get(0);
    }

    /**
     * One invoice to deliver, as {@link #deliver(String, String, int, String, String, Resend, int)} takes it, with
     * the documents a completion brought (a pivot carries them; an original-format recipient gets them as files of
     * their own, see {@link #deliversOriginal}).
     */
    public record Order(String invoiceId, String flowId, int rank, String recipientSiret, String entryName,
                        Resend resend, int occurrence, List<Attachment> completionDocuments) {

        public Order(String invoiceId, String flowId, int rank, String recipientSiret, String entryName,
                     Resend resend, int occurrence) {
            this(invoiceId, flowId, rank, recipientSiret, entryName, resend, occurrence, List.of());
        }
    }

    /** Whether this recipient gets invoices as deposited (not as the pivot, which carries documents inside). */
    public boolean deliversOriginal(String recipientSiret) {
        return format(mailboxes.recipientPartner(recipientSiret).orElse(null)) == DeliveryFormat.ORIGINAL;
    }

    /**
     * Delivers many invoices (a routing chunk) through one group publication: files written and synced
     * together, one journal commit before the renames and one after ({@link PublicationJournal#publishAll}).
     *
     * @return the delivered files, in the orders' order
     */
    public List<Path> deliverAll(List<Order> orders) throws IOException {
        return publications.publishAll(publications(orders), durable);
    }

    /**
     * A routing chunk's deliveries, journaled in the chunk's own transaction (ADR 0031): this half makes the contents
     * and begins their writes (and syncs, when durable) on the group threads, so that the caller writes its own rows
     * (the chunk's invoices) meanwhile; {@link StagedChunk#journal} then waits for the files and writes their
     * journal rows {@code PENDING}, with the previous chunk's {@code PUBLISHED} marks, in the caller's transaction;
     * once that transaction commits, the caller renames them ({@link PublicationJournal.Journaled#rename}) and owes
     * their marks to the next chunk (or {@link #markPublished} after the last). Nothing is journaled before the
     * caller's commit: a caller that fails before it calls {@link StagedChunk#abandon} (step 1's leftovers removed).
     * The journal honours a file an interrupted run already journaled (never written again).
     */
    public StagedChunk stageChunk(List<Order> orders) {
        List<Publication> files = publications(orders);
        PublicationJournal.Staged staged = publications.stage(List.of(new Group(files, PublicationJournal.NO_RECORD,
                PublicationJournal.NO_RECORD)), durable);
        return new StagedChunk(files.stream().map(Publication::target).toList(), staged);
    }

    /** A chunk's deliveries made and on their way to disk ({@link #stageChunk}), not journaled yet. */
    public static final class StagedChunk {

        private final List<Path> files;
        private final PublicationJournal.Staged staged;

        private StagedChunk(List<Path> files, PublicationJournal.Staged staged) {
            this.files = files;
            this.staged = staged;
        }

        /** Where each order's file goes, in the orders' order (fixed by the order: known before it is published). */
        public List<Path> files() {
            return files;
        }

        /**
         * Waits for the files, then journals them {@code PENDING} in the caller's transaction with the marks the
         * previous chunk left ({@link Renamed#NONE} for the first); any failure gives the chunk's files up and must
         * roll that transaction back.
         */
        public PublicationJournal.Journaled journal(Renamed owed) throws IOException {
            return staged.journalWithCaller(owed);
        }

        /** Gives the chunk's deliveries up before they are journaled: their temporary files removed. */
        public void abandon() {
            staged.abandon(new IOException("routing chunk given up before its deliveries were journaled"));
        }
    }

    /** Commits alone the marks the last chunk left owed ({@link #stageChunk}). */
    public void markPublished(Renamed owed) {
        publications.markPublished(owed);
    }

    private List<Publication> publications(List<Order> orders) {
        List<Publication> files = new ArrayList<>(orders.size());
        // where the chunk's flows are archived: one query for the chunk, not one per invoice
        Map<String, ArchivedFlow> flows = documents.flows(orders.stream().map(Order::flowId).toList());
        for (Order order : orders) {
            ArchivedFlow flow = flows.get(order.flowId());
            Delivery delivery = new Delivery(order.invoiceId(), order.recipientSiret(),
                    mailboxes.recipientPartner(order.recipientSiret()).orElse(null), order.entryName(), order.resend(),
                    order.occurrence(), order.completionDocuments());
            files.add(new Publication(PublicationKind.DELIVERY, order.invoiceId(), target(delivery),
                    () -> content(delivery, flow == null ? documents.document(order.flowId(), order.rank())
                            : documents.document(flow, order.rank()))));
        }
        return files;
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

    private static DeliveryFormat format(Partner recipientPartner) {
        return recipientPartner == null ? DeliveryFormat.ORIGINAL : recipientPartner.deliveryFormat();
    }

    private DeliveryWriter writer(Delivery delivery) {
        DeliveryFormat format = format(delivery.recipientPartner());
        DeliveryWriter writer = writers.get(format);
        if (writer == null) {
            throw new IllegalStateException("No writer for the delivery format " + format + " of partner "
                    + delivery.recipientPartner().code());
        }
        return writer;
    }
}
