package org.achemine.delivery;

import java.util.List;
import org.achemine.config.AchemineProperties.Partner;
import org.achemine.validation.attachment.Attachment;

/**
 * One delivery of an invoice to its recipient: what names the file and what fills it.
 *
 * @param invoiceId        our invoice id, {@code <flowId>-<document rank>}
 * @param recipientSiret   the public structure it is delivered to
 * @param recipientPartner the partner whose mailbox serves that SIRET; null when none does
 * @param entryName        the document's name in the flow the supplier deposited
 * @param resend           first delivery, or again after a completion or a recycling
 * @param occurrence       for a completion, its count (the second completion is delivered as the 2nd)
 * @param completionDocuments the documents a completion bundle brought (ADR 0023), delivered with it; else empty
 */
public record Delivery(String invoiceId, String recipientSiret, Partner recipientPartner, String entryName,
                       Resend resend, int occurrence, List<Attachment> completionDocuments) {

    public Delivery {
        completionDocuments = List.copyOf(completionDocuments);
    }

    public Delivery(String invoiceId, String recipientSiret, Partner recipientPartner, String entryName,
                    Resend resend, int occurrence) {
        this(invoiceId, recipientSiret, recipientPartner, entryName, resend, occurrence, List.of());
    }
}
