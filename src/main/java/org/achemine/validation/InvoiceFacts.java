package org.achemine.validation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The business data routing and reports need, read from an invoice whatever its syntax. Any field may be
 * null when the invoice lacks it (validation says whether that is acceptable).
 *
 * @param invoiceNumber      BT-1
 * @param issueDate          BT-2
 * @param typeCode           BT-3 (380, 381...)
 * @param currency           BT-5
 * @param supplierId         BT-29 supplier identifier (SIRET for French suppliers)
 * @param supplierIdScheme   its scheme (0009 SIRET...)
 * @param supplierName       BT-27
 * @param buyerId            the recipient's SIRET (BT-46 in UBL, BT-47 in CII)
 * @param buyerIdScheme      its scheme (0009, or legacy 1)
 * @param buyerName          BT-44
 * @param serviceCode        BT-10 buyer reference = Chorus service code
 * @param engagementNumber   BT-13 purchase order reference = engagement juridique
 * @param billingFramework   BT-23 cadre de facturation (A1 when absent)
 * @param precedingInvoice   BT-25 invoice a credit note corrects
 * @param totalWithVat       BT-112
 * @param amountDue          BT-115
 */
public record InvoiceFacts(
        String invoiceNumber,
        LocalDate issueDate,
        String typeCode,
        String currency,
        String supplierId,
        String supplierIdScheme,
        String supplierName,
        String buyerId,
        String buyerIdScheme,
        String buyerName,
        String serviceCode,
        String engagementNumber,
        String billingFramework,
        String precedingInvoice,
        BigDecimal totalWithVat,
        BigDecimal amountDue) {
}
