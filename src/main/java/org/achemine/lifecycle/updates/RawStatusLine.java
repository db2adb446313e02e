package org.achemine.lifecycle.updates;

/**
 * One status update as the sender wrote it, before any interpretation: every field a trimmed string, or
 * null when absent or empty.
 *
 * @param lineNumber    the line of the file it starts on (CSV record, CPPStatut {@code CPPFactureStatutUnitaire})
 * @param numOrdre      the CPPStatut {@code NumOrdre}, null in CSV
 * @param invoiceId     achemine's invoice id ({@code id_facture}); CPPStatut has none
 * @param supplierId    the supplier's identifier ({@code id_fournisseur} / {@code Fournisseur/Identifiant})
 * @param invoiceNumber the invoice number, BT-1 ({@code numero_facture} / {@code IdFacture})
 * @param invoiceDate   the invoice date, yyyy-MM-dd ({@code date_facture} / {@code DateFacture})
 * @param status        the status asked, two digits ({@code statut} / {@code IdStatut})
 * @param dateTime      when the sender says it happened, ISO 8601 with an offset ({@code date_heure} /
 *                      {@code Horodatage}): information, checked; the platform's clock dates the change
 * @param reason        a code of the reason catalogue ({@code motif} / {@code ComplementStatut})
 * @param comment       free text ({@code commentaire} / {@code Commentaire})
 * @param attachment    the reference of a completing document ({@code piece_jointe}); CPPStatut has none
 * @param malformation  why the line could not be split into these fields (then they are all null), else null
 * @param producer      who the sender says set the status ({@code producteur}, CSV): RECIPIENT (the
 *                      ordonnateur) or ACCOUNTANT (the public accountant); null when not said
 * @param producerId    who declares the status ({@code Producteur@Id}, CPPStatut): the sender's partner code or a
 *                      SIRET it serves; null when not said
 * @param debtorSiret   the structure the invoice is addressed to ({@code Debiteur/Identifiant}, CPPStatut)
 * @param mandateId     the recipient's own reference, e.g. its mandate number ({@code IdMandatDP}, CPPStatut)
 */
public record RawStatusLine(int lineNumber, Integer numOrdre, String invoiceId, String supplierId, String invoiceNumber,
                            String invoiceDate, String status, String dateTime, String reason, String comment,
                            String attachment, String malformation, String producer, String producerId,
                            String debtorSiret, String mandateId) {

    /** A CSV line: it names no declaring identifier, debtor or mandate. */
    public RawStatusLine(int lineNumber, Integer numOrdre, String invoiceId, String supplierId, String invoiceNumber,
                         String invoiceDate, String status, String dateTime, String reason, String comment,
                         String attachment, String malformation, String producer) {
        this(lineNumber, numOrdre, invoiceId, supplierId, invoiceNumber, invoiceDate, status, dateTime, reason, comment,
                attachment, malformation, producer, null, null, null);
    }

    /** A line that does not say who produced its status. */
    public RawStatusLine(int lineNumber, Integer numOrdre, String invoiceId, String supplierId, String invoiceNumber,
                         String invoiceDate, String status, String dateTime, String reason, String comment,
                         String attachment, String malformation) {
        this(lineNumber, numOrdre, invoiceId, supplierId, invoiceNumber, invoiceDate, status, dateTime, reason, comment,
                attachment, malformation, null);
    }

    /** A line that could not be read into fields: only its number and why are kept. */
    public static RawStatusLine malformed(int lineNumber, Integer numOrdre, String why) {
        return new RawStatusLine(lineNumber, numOrdre, null, null, null, null, null, null, null, null, null, why);
    }

    /** The invoice reference as the sender wrote it, for the report. */
    public String referenceText() {
        if (invoiceId != null) {
            return invoiceId;
        }
        StringBuilder text = new StringBuilder();
        text.append(supplierId == null ? "?" : supplierId).append(" / ").append(invoiceNumber == null ? "?" : invoiceNumber);
        if (invoiceDate != null) {
            text.append(" / ").append(invoiceDate);
        }
        return text.toString();
    }
}
