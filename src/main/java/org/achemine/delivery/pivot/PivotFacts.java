package org.achemine.delivery.pivot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.achemine.validation.InvoiceFacts;
import org.achemine.validation.Syntax;

/**
 * What the pivot carries of one invoice: the invoice record's facts plus the terms of {@link PivotTerm}.
 * Any value may be null when the invoice lacks it or it does not parse.
 */
record PivotFacts(
        Syntax syntax,
        InvoiceFacts invoice,
        String contract,
        String sellerVatId,
        String sellerCountry,
        LocalDate deliveryDate,
        String paymentMeans,
        String paymentAccount,
        BigDecimal totalWithoutVat,
        List<VatBreakdown> vat,
        List<Line> lines) {

    PivotFacts {
        vat = List.copyOf(vat);
        lines = List.copyOf(lines);
    }

    /** BG-23: rate in percent (20 for 20 %), as the pivot's {@code Taux} too. */
    record VatBreakdown(BigDecimal rate, BigDecimal base, BigDecimal amount) {
    }

    /** BG-25: the item's reference, its net unit price, quantity, net amount and VAT rate. */
    record Line(String item, BigDecimal unitPrice, BigDecimal quantity, BigDecimal netAmount, BigDecimal vatRate) {
    }
}
