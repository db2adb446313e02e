package org.achemine.lifecycle.report;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One status change as the supplier reads it in a lifecycle report: the history row and what identifies
 * the invoice (number, date, supplier, recipient and service).
 *
 * @param recipientSiret the recipient once routed, else the buyer SIRET the invoice names (may be invalid)
 * @param serviceCode    the service it was routed to, else the one the invoice names
 * @param changedAt      when the platform recorded the change
 * @param declaredAt     when the status's producer said it was set (a status line's time), else null
 * @param supplierName   the supplier's name (BT-27), null for documents recorded before it was kept
 * @param supplierScheme the scheme of the supplier's identifier (BT-29-1, e.g. 0009), else null
 * @param mandateId      the recipient's own reference for the change (CPPStatut IdMandatDP), when it gave one
 */
public record StatusLine(String invoiceId, int seq, String status, String reformCode, String actor,
                         String reasonCode, String message, Instant changedAt, String invoiceNumber,
                         LocalDate issueDate, String supplierId, String recipientSiret, String serviceCode,
                         Instant declaredAt, String supplierName, String supplierScheme, String mandateId) {

    /** A change the platform made itself: nothing declared. */
    public StatusLine(String invoiceId, int seq, String status, String reformCode, String actor, String reasonCode,
                      String message, Instant changedAt, String invoiceNumber, LocalDate issueDate, String supplierId,
                      String recipientSiret, String serviceCode) {
        this(invoiceId, seq, status, reformCode, actor, reasonCode, message, changedAt, invoiceNumber, issueDate,
                supplierId, recipientSiret, serviceCode, null, null, null, null);
    }
}
