package org.achemine.validation.national;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmMap;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import org.achemine.validation.ParsedInvoice;
import org.achemine.validation.Syntax;
import org.achemine.xml.HardenedXml;

/**
 * Finds the {@link BusinessTerm}s of a document in its Saxon tree. Every term of a syntax family (UBL, CII) is
 * read by one XPath map expression, compiled once in the constructor: one selector and one evaluation per
 * document, not one per term. The national rules and the invoice facts both need the terms: they are read once
 * per document and kept with it ({@link #read(ParsedInvoice)}). Thread-safe.
 */
public final class InvoiceTerms {

    static final String UBL_CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    static final String UBL_CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    static final String CII_RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    static final String CII_RAM =
            "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    static final String CII_UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";

    /** Amounts that must have at most two decimals (unit prices excepted: they may have more). */
    private static final String UBL_AMOUNTS = "//*[@currencyID][not(ancestor::cac:Price)]";
    private static final String CII_AMOUNTS = "//ram:*[ends-with(local-name(), 'Amount')]"
            + "[not(ancestor::ram:GrossPriceProductTradePrice or ancestor::ram:NetPriceProductTradePrice)]";
    /** Every currency an amount is given in. */
    private static final String CURRENCY_ATTRIBUTES = "//@currencyID";

    private final XPathExecutable ubl;
    private final XPathExecutable cii;
    private final XPathExecutable ublAmounts;
    private final XPathExecutable ciiAmounts;
    private final XPathExecutable currencies;

    public InvoiceTerms() {
        Processor processor = HardenedXml.processor();
        XPathCompiler compiler = processor.newXPathCompiler();
        compiler.declareNamespace("cac", UBL_CAC);
        compiler.declareNamespace("cbc", UBL_CBC);
        compiler.declareNamespace("rsm", CII_RSM);
        compiler.declareNamespace("ram", CII_RAM);
        compiler.declareNamespace("udt", CII_UDT);
        try {
            ubl = compiler.compile(allTerms(Syntax.UBL_INVOICE));
            cii = compiler.compile(allTerms(Syntax.CII_D16B));
            ublAmounts = compiler.compile(UBL_AMOUNTS);
            ciiAmounts = compiler.compile(CII_AMOUNTS);
            currencies = compiler.compile(CURRENCY_ATTRIBUTES);
        } catch (SaxonApiException e) {
            throw new IllegalStateException("Cannot compile the business term paths", e);
        }
    }

    /** {@code map { 'INVOICE_NUMBER': (/*\/cbc:ID)[1], ... }}: the first node of each term's path, or nothing. */
    private static String allTerms(Syntax syntax) {
        StringJoiner entries = new StringJoiner(", ", "map { ", " }");
        for (BusinessTerm term : BusinessTerm.values()) {
            entries.add("'" + term.name() + "': (/*/" + term.path(syntax) + ")[1]");
        }
        return entries.toString();
    }

    /** The terms of this document, read from its tree on first use and then kept with it. */
    public Map<BusinessTerm, XdmNode> read(ParsedInvoice invoice) throws SaxonApiException {
        return invoice.derived(Found.class, () -> new Found(read(invoice.tree(), invoice.syntax()))).nodes();
    }

    /** The node of each term present in the document (absent terms are not in the map). */
    public Map<BusinessTerm, XdmNode> read(XdmNode document, Syntax syntax) throws SaxonApiException {
        XdmMap byName = (XdmMap) select(syntax.isUbl() ? ubl : cii, document).evaluateSingle();
        Map<BusinessTerm, XdmNode> found = new EnumMap<>(BusinessTerm.class);
        for (BusinessTerm term : BusinessTerm.values()) {
            XdmValue value = byName.get(term.name());
            if (value != null && value.size() == 1 && value.itemAt(0) instanceof XdmNode node) {
                found.put(term, node);
            }
        }
        return Collections.unmodifiableMap(found);
    }

    /** The amount elements of the document whose number of decimals Chorus limits. */
    XdmValue amounts(XdmNode document, Syntax syntax) throws SaxonApiException {
        return select(syntax.isUbl() ? ublAmounts : ciiAmounts, document).evaluate();
    }

    /** The currencyID attributes of the document. */
    XdmValue currencyAttributes(XdmNode document) throws SaxonApiException {
        return select(currencies, document).evaluate();
    }

    /** The terms read from one document, as kept with it. */
    private record Found(Map<BusinessTerm, XdmNode> nodes) {
    }

    private static XPathSelector select(XPathExecutable path, XdmNode document) throws SaxonApiException {
        XPathSelector selector = path.load();
        selector.setContextItem(document);
        return selector;
    }
}
