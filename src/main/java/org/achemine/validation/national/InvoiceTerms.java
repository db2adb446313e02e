package org.achemine.validation.national;

import java.util.EnumMap;
import java.util.Map;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import org.achemine.validation.Syntax;
import org.achemine.xml.HardenedXml;

/**
 * Finds the {@link BusinessTerm}s of a document in its Saxon tree. The XPath expressions are compiled once per
 * syntax family (UBL, CII) in the constructor; reading loads a selector per expression. Thread-safe.
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

    private final Map<BusinessTerm, XPathExecutable> ubl = new EnumMap<>(BusinessTerm.class);
    private final Map<BusinessTerm, XPathExecutable> cii = new EnumMap<>(BusinessTerm.class);
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
            for (BusinessTerm term : BusinessTerm.values()) {
                ubl.put(term, compiler.compile("(/*/" + term.path(Syntax.UBL_INVOICE) + ")[1]"));
                cii.put(term, compiler.compile("(/*/" + term.path(Syntax.CII_D16B) + ")[1]"));
            }
            ublAmounts = compiler.compile(UBL_AMOUNTS);
            ciiAmounts = compiler.compile(CII_AMOUNTS);
            currencies = compiler.compile(CURRENCY_ATTRIBUTES);
        } catch (SaxonApiException e) {
            throw new IllegalStateException("Cannot compile the business term paths", e);
        }
    }

    /** The node of each term present in the document (absent terms are not in the map). */
    public Map<BusinessTerm, XdmNode> read(XdmNode document, Syntax syntax) throws SaxonApiException {
        Map<BusinessTerm, XPathExecutable> paths = syntax.isUbl() ? ubl : cii;
        Map<BusinessTerm, XdmNode> found = new EnumMap<>(BusinessTerm.class);
        for (Map.Entry<BusinessTerm, XPathExecutable> path : paths.entrySet()) {
            XdmItem item = select(path.getValue(), document).evaluateSingle();
            if (item instanceof XdmNode node) {
                found.put(path.getKey(), node);
            }
        }
        return found;
    }

    /** The amount elements of the document whose number of decimals Chorus limits. */
    XdmValue amounts(XdmNode document, Syntax syntax) throws SaxonApiException {
        return select(syntax.isUbl() ? ublAmounts : ciiAmounts, document).evaluate();
    }

    /** The currencyID attributes of the document. */
    XdmValue currencyAttributes(XdmNode document) throws SaxonApiException {
        return select(currencies, document).evaluate();
    }

    private static XPathSelector select(XPathExecutable path, XdmNode document) throws SaxonApiException {
        XPathSelector selector = path.load();
        selector.setContextItem(document);
        return selector;
    }
}
