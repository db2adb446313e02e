package org.achemine.lifecycle.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.achemine.report.cppstatut.FactureStatut;
import org.achemine.report.cppstatut.FactureStatutWriter;
import org.achemine.report.cppstatut.FactureStatutWriter.Envelope;
import org.achemine.report.cppstatut.StatutSchema;

/**
 * Lifecycle reports to suppliers, and the notice that goes with an invoice delivered again, in Chorus's own
 * lifecycle flow format: {@code CPPStatut} / {@code CPPFactureStatuts} (interface FEN1200A), checked against AIFE's
 * schema before anyone may publish them ({@link FactureStatutWriter}). One status change becomes one
 * {@code CPPFactureStatutUnitaire}:
 * <ul>
 *   <li>{@code Fournisseur}: the supplier's identifier (BT-29) typed by its scheme or shape (14 digits: 1 SIRET;
 *       0223 or an EU VAT number outside France: 2; 0227: 3; 0228: 4 RIDET; 0229: 5 TAHITI; anything else: 6),
 *       its name (BT-27; the identifier when the invoice predates V74, which keeps it);</li>
 *   <li>{@code Debiteur}: the SIRET it was routed to (else the buyer's, BT-46/47) and the service code;</li>
 *   <li>{@code DonneesStatut}: {@code IdStatut} 01 to 12, the reason's code as {@code ComplementStatut}, the
 *       message as {@code Commentaire} (with the time the producer declared, when it differs: information, never
 *       the order of events), {@code Horodatage} = the platform's recorded time, {@code Producteur/@Id} = who set it,
 *       {@code IdFacture} and {@code DateFacture} = the invoice's number and date (BT-1, BT-2), {@code IdMandatDP}
 *       = the recipient's own reference when its status file gave one.</li>
 * </ul>
 * Thread-safe.
 */
public final class LifecycleReportFormat {

    /** What {@code Debiteur/Identifiant} says when the invoice names no SIRET (never routed): 14 zeros. */
    static final String NO_SIRET = "00000000000000";
    /** {@code Recepteur/Id} of a notice to a public recipient not connected in EDI (its folder is its SIRET). */
    static final String NOT_CONNECTED = "HORSEDI";

    private static final Pattern SIRET = Pattern.compile("[0-9]{14}");
    private static final Pattern EU_VAT = Pattern.compile("(?!FR)[A-Z]{2}[0-9A-Z+*.]{2,13}");
    private static final Pattern PARTY_ID = Pattern.compile(".{3,8}");

    private final FactureStatutWriter writer;
    private final StatutSchema schema;

    public LifecycleReportFormat(StatutSchema schema) {
        this.schema = schema;
        this.writer = new FactureStatutWriter(schema);
    }

    /** Feeds the lines of a report, in order, to the consumer it is given. */
    public interface Lines {
        void forEach(Consumer<StatusLine> line) throws IOException;
    }

    /**
     * Writes a lifecycle report of {@code count} changes to {@code file} (created or truncated), forced to
     * disk, then checks it against the official schema.
     *
     * @throws IOException when the lines fed are not {@code count} (the rows moved meanwhile), or the file
     *                     is not valid; the file is then left for the caller to discard
     */
    public void write(Path file, Envelope envelope, int count, Lines lines) throws IOException {
        writer.write(file, envelope, count, each -> lines.forEach(line -> each.accept(status(line))));
    }

    /** A small status flow (one change). */
    public byte[] single(Envelope envelope, StatusLine line) throws IOException {
        return writer.single(envelope, status(line));
    }

    /** Streams the file through the official schema; the file's own content may load nothing. */
    public void validate(Path file) throws IOException {
        schema.validate(file);
    }

    /** {@code Recepteur/Id} for a mailbox: its partner code, or {@link #NOT_CONNECTED} for a SIRET's folder. */
    public static String receiver(String mailbox) {
        return PARTY_ID.matcher(mailbox).matches() ? mailbox : NOT_CONNECTED;
    }

    static FactureStatut status(StatusLine line) {
        String supplierId = line.supplierId() == null || line.supplierId().isBlank() ? "INCONNU" : line.supplierId();
        FactureStatut.Supplier supplier = new FactureStatut.Supplier(supplierType(supplierId, line.supplierScheme()),
                supplierId, line.supplierName() == null || line.supplierName().isBlank() ? supplierId : line.supplierName(),
                null);
        boolean siret = line.recipientSiret() != null && SIRET.matcher(line.recipientSiret()).matches();
        FactureStatut.Debtor debtor = new FactureStatut.Debtor(siret ? line.recipientSiret() : NO_SIRET,
                siret ? null : "Destinataire non identifié : " + line.recipientSiret(), line.serviceCode());
        String comment = line.message();
        if (line.declaredAt() != null && !line.declaredAt().equals(line.changedAt())) {
            comment = (comment == null ? "" : comment + " ") + "(déclaré le " + line.declaredAt() + ")";
        }
        return new FactureStatut(supplier, debtor, line.status(), line.reasonCode(), comment, line.changedAt(),
                line.actor(), line.invoiceNumber() == null ? line.invoiceId() : line.invoiceNumber(), line.issueDate(),
                line.mandateId());
    }

    /** {@code Fournisseur/TypeIdentifiant} (FACTS §1.8) from the identifier's scheme (BT-29-1), else its shape. */
    static int supplierType(String id, String scheme) {
        if (SIRET.matcher(id).matches()) {
            return 1;
        }
        if (scheme != null) {
            switch (scheme) {
                case "0223" -> {
                    return 2;
                }
                case "0227" -> {
                    return 3;
                }
                case "0228" -> {
                    return 4;
                }
                case "0229" -> {
                    return 5;
                }
                default -> {
                }
            }
        }
        return EU_VAT.matcher(id).matches() ? 2 : 6;
    }
}
