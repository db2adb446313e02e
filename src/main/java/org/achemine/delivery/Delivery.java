package org.achemine.delivery;

import org.achemine.config.AchemineProperties.Partner;

/**
 * One delivery of an invoice to its recipient: what names the file and what fills it.
 *
 * @param invoiceId        our invoice id, {@code <flowId>-<document rank>}
 * @param recipientSiret   the public structure it is delivered to
 * @param recipientPartner the partner whose mailbox serves that SIRET; null when none does
 * @param entryName        the document's name in the flow the supplier deposited
 * @param resend           first delivery, or again after a completion or a recycling
 * @param occurrence       for a completion, its count (the second completion is delivered as the 2nd)
 */
public record Delivery(String invoiceId, String recipientSiret, Partner recipientPartner, String entryName,
                       Resend resend, int occurrence) {
}
