package org.achemine.validation.national;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import net.sf.saxon.om.AxisInfo;
import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.pattern.NodeKindTest;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.tree.iter.AxisIterator;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmMap;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.type.Type;
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

    private static final String CURRENCY_ID = "currencyID";
    /** UBL's price, whose amount may have more than two decimals. */
    private static final Set<String> UBL_PRICE = Set.of("Price");
    /** CII prices: their amounts may have more than two decimals. */
    private static final Set<String> CII_PRICES = Set.of("GrossPriceProductTradePrice", "NetPriceProductTradePrice");

    private final XPathExecutable ubl;
    private final XPathExecutable cii;

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

    /**
     * The amount elements of the document whose number of decimals Chorus limits (unit prices excepted: they may
     * have more), and the elements carrying a currencyID (the currencies amounts are given in), each in document
     * order, read in one walk of the tree's elements. UBL's amounts are the elements with a currencyID outside a
     * cac:Price; CII's the ram: elements named *Amount outside a gross or net price.
     */
    AmountsAndCurrencies amountsAndCurrencies(XdmNode document, Syntax syntax) {
        List<XdmNode> amounts = new ArrayList<>();
        List<XdmNode> withCurrency = new ArrayList<>();
        AxisIterator elements = document.getUnderlyingNode().iterateAxis(AxisInfo.DESCENDANT, NodeKindTest.ELEMENT);
        for (NodeInfo element; (element = elements.next()) != null; ) {
            boolean hasCurrency = element.getAttributeValue("", CURRENCY_ID) != null;
            boolean amount = syntax.isUbl()
                    ? hasCurrency && !within(element, UBL_CAC, UBL_PRICE)
                    : CII_RAM.equals(element.getURI()) && element.getLocalPart().endsWith("Amount")
                            && !within(element, CII_RAM, CII_PRICES);
            if (hasCurrency || amount) {
                XdmNode node = new XdmNode(element);
                if (amount) {
                    amounts.add(node);
                }
                if (hasCurrency) {
                    withCurrency.add(node);
                }
            }
        }
        return new AmountsAndCurrencies(amounts, withCurrency);
    }

    /** Whether an ancestor of the element is one of these elements of that namespace. */
    private static boolean within(NodeInfo element, String namespace, Set<String> names) {
        for (NodeInfo up = element.getParent(); up != null && up.getNodeKind() == Type.ELEMENT; up = up.getParent()) {
            if (namespace.equals(up.getURI()) && names.contains(up.getLocalPart())) {
                return true;
            }
        }
        return false;
    }

    /** The amounts whose decimals Chorus limits, and the elements with a currencyID, of one document. */
    record AmountsAndCurrencies(List<XdmNode> amounts, List<XdmNode> withCurrency) {

        /** The currencyID of an element of {@link #withCurrency}. */
        static String currencyOf(XdmNode element) {
            return element.getUnderlyingNode().getAttributeValue("", CURRENCY_ID);
        }
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
