package org.achemine.routing;

import org.achemine.qualification.Environment;

/**
 * What routing needs to know of one accepted invoice.
 *
 * @param invoiceId        our invoice id
 * @param supplierId       BT-29 supplier identifier (SIRET for French suppliers)
 * @param invoiceNumber    BT-1
 * @param invoiceYear      year of BT-2 (duplicates are per supplier, number and year), 0 when unknown
 * @param buyerSiret       the recipient's SIRET
 * @param serviceCode      BT-10, null when absent
 * @param engagementNumber BT-13, null when absent
 * @param environment      its flow's: a qualification invoice is checked like any other, never delivered,
 *                         and is a duplicate only of another qualification invoice
 */
public record RoutingRequest(String invoiceId, String supplierId, String invoiceNumber, int invoiceYear,
                             String buyerSiret, String serviceCode, String engagementNumber, Environment environment) {

    /** An invoice dropped in production. */
    public RoutingRequest(String invoiceId, String supplierId, String invoiceNumber, int invoiceYear,
                          String buyerSiret, String serviceCode, String engagementNumber) {
        this(invoiceId, supplierId, invoiceNumber, invoiceYear, buyerSiret, serviceCode, engagementNumber,
                Environment.PRODUCTION);
    }

    /** The year as stored: null when the invoice had no issue date. */
    public Integer yearOrNull() {
        return invoiceYear == 0 ? null : invoiceYear;
    }

    public boolean hasServiceCode() {
        return serviceCode != null && !serviceCode.isBlank();
    }

    public boolean hasEngagementNumber() {
        return engagementNumber != null && !engagementNumber.isBlank();
    }
}
