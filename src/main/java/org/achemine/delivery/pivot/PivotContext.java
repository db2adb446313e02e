package org.achemine.delivery.pivot;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import org.achemine.validation.attachment.Attachment;
import org.achemine.delivery.Resend;

/**
 * What the platform adds to an invoice's own facts when it delivers it as a pivot.
 *
 * @param flowId         {@code IdFlx}, the pivot flow's id
 * @param producedOn     {@code DtPrd}: the platform's date when the file is made
 * @param platformCode   {@code Emetteur/Id}: us
 * @param recipientCode  {@code Recepteur/Id}: the recipient partner's code
 * @param recipientName  {@code Recepteur/Libelle}, may be null
 * @param recipientSiret {@code Debiteur/Identifiant}: the public structure the invoice was routed to
 * @param idCpro         {@code IdCPRO}: our invoice id in digits
 * @param resend         {@code Renvoi}
 * @param receivedOn     {@code DateReception}: the platform's date of the deposit
 * @param attachmentName {@code PJ/NomPJ}, at most 50 characters
 * @param original       the supplier's document, attached as {@code PJ/Contenu}
 * @param attachments    the documents the invoice carries besides itself, attached after it as {@code PJ} type 02
 */
record PivotContext(String flowId, LocalDate producedOn, String platformCode, String recipientCode,
                    String recipientName, String recipientSiret, BigInteger idCpro, Resend resend,
                    LocalDate receivedOn, String attachmentName, byte[] original, List<Attachment> attachments) {
}
