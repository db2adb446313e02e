package org.achemine.validation.national;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import org.achemine.validation.InvoiceFacts;
import org.achemine.validation.InvoiceFactsReader;
import org.achemine.validation.ParsedInvoice;

/**
 * Reads the invoice record's facts (number, parties, service code, engagement, totals...) from the document's
 * Saxon tree, for UBL Invoice, UBL CreditNote and CII alike. Values it cannot read (absent, or a date or an
 * amount that does not parse) are null: validation reports them, the record just lacks them. Thread-safe.
 */
public final class SaxonInvoiceFactsReader implements InvoiceFactsReader {

    private static final QName SCHEME_ID = new QName("schemeID");
    private static final DateTimeFormatter CII_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final InvoiceTerms terms;

    public SaxonInvoiceFactsReader(InvoiceTerms terms) {
        this.terms = terms;
    }

    @Override
    public InvoiceFacts read(ParsedInvoice invoice) throws SaxonApiException {
        return facts(terms.read(invoice));
    }

    static InvoiceFacts facts(Map<BusinessTerm, XdmNode> found) {
        return new InvoiceFacts(
                text(found, BusinessTerm.INVOICE_NUMBER),
                date(text(found, BusinessTerm.ISSUE_DATE)),
                text(found, BusinessTerm.TYPE_CODE),
                text(found, BusinessTerm.CURRENCY),
                text(found, BusinessTerm.SUPPLIER_ID),
                scheme(found.get(BusinessTerm.SUPPLIER_ID)),
                text(found, BusinessTerm.SUPPLIER_NAME),
                text(found, BusinessTerm.BUYER_ID),
                scheme(found.get(BusinessTerm.BUYER_ID)),
                text(found, BusinessTerm.BUYER_NAME),
                text(found, BusinessTerm.SERVICE_CODE),
                text(found, BusinessTerm.ENGAGEMENT_NUMBER),
                billingFramework(text(found, BusinessTerm.BILLING_FRAMEWORK)),
                text(found, BusinessTerm.PRECEDING_INVOICE),
                amount(text(found, BusinessTerm.TOTAL_WITH_VAT)),
                amount(text(found, BusinessTerm.AMOUNT_DUE)));
    }

    /** The trimmed text of a term, null when absent or blank. */
    static String text(Map<BusinessTerm, XdmNode> found, BusinessTerm term) {
        XdmNode node = found.get(term);
        if (node == null) {
            return null;
        }
        String value = node.getStringValue().strip();
        return value.isEmpty() ? null : value;
    }

    static String scheme(XdmNode node) {
        if (node == null) {
            return null;
        }
        String scheme = node.getAttributeValue(SCHEME_ID);
        return scheme == null || scheme.isBlank() ? null : scheme.strip();
    }

    /** BT-23 absent means A1 for Chorus Pro (FACTS §1.6). */
    private static String billingFramework(String value) {
        return value == null ? "A1" : value;
    }

    /** UBL dates are ISO (2026-11-23), CII format 102 dates are 20261123. */
    public static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 8 ? LocalDate.parse(value, CII_DATE) : LocalDate.parse(value);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    /** A decimal as written in UBL and CII; null when absent or unreadable. */
    public static BigDecimal amount(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException unreadable) {
            return null;
        }
    }
}
