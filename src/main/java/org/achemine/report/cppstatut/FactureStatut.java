package org.achemine.report.cppstatut;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One invoice status in Chorus's {@code CPPFactureStatutUnitaire} terms: what {@link FactureStatutWriter} writes.
 *
 * @param supplier     {@code Fournisseur}
 * @param debtor       {@code Debiteur}, the public recipient
 * @param status       {@code IdStatut}, 01 to 41 (achemine writes 01 to 12)
 * @param complement   {@code ComplementStatut}: the reason's code (e.g. JUSTIFICATIF_ABSENT), null when none
 * @param comment      {@code Commentaire}: the reason's text, the recipient's or supplier's comment; null when none
 * @param recordedAt   {@code Horodatage}: when the platform recorded the status (its clock, never a declared time)
 * @param producer     {@code Producteur/@Id}: who set it (PLATFORM, RECIPIENT, SUPPLIER); null to leave it out
 * @param invoiceId    {@code IdFacture}: the invoice's number as the supplier wrote it (BT-1)
 * @param invoiceDate  {@code DateFacture} (BT-2), null when unknown
 * @param mandateId    {@code IdMandatDP}: the recipient's own reference for it (e.g. its mandate number), when given
 */
public record FactureStatut(Supplier supplier, Debtor debtor, String status, String complement, String comment,
                            Instant recordedAt, String producer, String invoiceId, LocalDate invoiceDate,
                            String mandateId) {

    /**
     * @param type    {@code TypeIdentifiant}: 1 SIRET, 2 EU outside France, 3 outside the EU, 4 RIDET, 5 TAHITI,
     *                6 being registered / other, 7 private person (FACTS §1.8)
     * @param id      {@code Identifiant}
     * @param name    {@code RaisonSociale}
     * @param country {@code CodePays} (2 letters), null to leave it out
     */
    public record Supplier(int type, String id, String name, String country) {
    }

    /**
     * @param siret       {@code Identifiant}, 14 digits ({@code TypeIdentifiant} is always 1)
     * @param name        {@code Nom}, null to leave it out
     * @param serviceCode {@code CodeService} (at most 100 characters), null to leave it out
     */
    public record Debtor(String siret, String name, String serviceCode) {
    }
}
