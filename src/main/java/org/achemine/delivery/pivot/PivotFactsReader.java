package org.achemine.delivery.pivot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import org.achemine.validation.InvoiceFacts;
import org.achemine.validation.ParsedInvoice;
import org.achemine.validation.Syntax;
import org.achemine.validation.national.SaxonInvoiceFactsReader;
import org.achemine.xml.HardenedXml;

/**
 * Reads a UBL or CII invoice's {@link PivotFacts} from its Saxon tree: the invoice record's facts through
 * {@link SaxonInvoiceFactsReader}, the other terms through the paths of {@link PivotTerm}, compiled once per
 * syntax family. Thread-safe.
 */
final class PivotFactsReader {

    private final SaxonInvoiceFactsReader invoiceFacts;
    private final Map<PivotTerm, XPathExecutable> ubl = new EnumMap<>(PivotTerm.class);
    private final Map<PivotTerm, XPathExecutable> cii = new EnumMap<>(PivotTerm.class);

    PivotFactsReader(SaxonInvoiceFactsReader invoiceFacts) {
        this.invoiceFacts = invoiceFacts;
        XPathCompiler compiler = HardenedXml.processor().newXPathCompiler();
        compiler.declareNamespace("cac", "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2");
        compiler.declareNamespace("cbc", "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2");
        compiler.declareNamespace("rsm", "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100");
        compiler.declareNamespace("ram", "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100");
        compiler.declareNamespace("udt", "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100");
        try {
            for (PivotTerm term : PivotTerm.values()) {
                ubl.put(term, compiler.compile(expression(term, Syntax.UBL_INVOICE)));
                cii.put(term, compiler.compile(expression(term, Syntax.CII_D16B)));
            }
        } catch (SaxonApiException e) {
            throw new IllegalStateException("Cannot compile the pivot's business term paths", e);
        }
    }

    /** Groups select every node from the root; header terms their first node; group terms theirs from the group. */
    private static String expression(PivotTerm term, Syntax syntax) {
        return switch (term) {
            case VAT_BREAKDOWN, LINE -> "/*/" + term.path(syntax);
            case VAT_BASE, VAT_AMOUNT, VAT_RATE, LINE_QUANTITY, LINE_NET_AMOUNT, LINE_NET_PRICE,
                 LINE_PRICE_BASE_QUANTITY, LINE_VAT_RATE, LINE_ITEM_ID, LINE_ITEM_NAME -> "(" + term.path(syntax) + ")[1]";
            default -> "(/*/" + term.path(syntax) + ")[1]";
        };
    }

    PivotFacts read(ParsedInvoice invoice) throws SaxonApiException {
        InvoiceFacts facts = invoiceFacts.read(invoice);
        Map<PivotTerm, XPathExecutable> paths = invoice.syntax().isUbl() ? ubl : cii;
        XdmNode root = invoice.tree();
        List<PivotFacts.VatBreakdown> vat = new ArrayList<>();
        for (XdmItem group : select(paths.get(PivotTerm.VAT_BREAKDOWN), root)) {
            XdmNode node = (XdmNode) group;
            vat.add(new PivotFacts.VatBreakdown(amount(paths, PivotTerm.VAT_RATE, node),
                    amount(paths, PivotTerm.VAT_BASE, node), amount(paths, PivotTerm.VAT_AMOUNT, node)));
        }
        List<PivotFacts.Line> lines = new ArrayList<>();
        for (XdmItem group : select(paths.get(PivotTerm.LINE), root)) {
            XdmNode node = (XdmNode) group;
            String item = text(paths, PivotTerm.LINE_ITEM_ID, node);
            lines.add(new PivotFacts.Line(item != null ? item : text(paths, PivotTerm.LINE_ITEM_NAME, node),
                    unitPrice(amount(paths, PivotTerm.LINE_NET_PRICE, node),
                            amount(paths, PivotTerm.LINE_PRICE_BASE_QUANTITY, node)),
                    amount(paths, PivotTerm.LINE_QUANTITY, node), amount(paths, PivotTerm.LINE_NET_AMOUNT, node),
                    amount(paths, PivotTerm.LINE_VAT_RATE, node)));
        }
        return new PivotFacts(invoice.syntax(), facts,
                text(paths, PivotTerm.CONTRACT, root),
                text(paths, PivotTerm.SELLER_VAT_ID, root),
                text(paths, PivotTerm.SELLER_COUNTRY, root),
                SaxonInvoiceFactsReader.date(text(paths, PivotTerm.DELIVERY_DATE, root)),
                text(paths, PivotTerm.PAYMENT_MEANS, root),
                text(paths, PivotTerm.PAYMENT_ACCOUNT, root),
                amount(paths, PivotTerm.TOTAL_WITHOUT_VAT, root),
                vat, lines);
    }

    /** BT-146 is the price of BT-149 units (1 when absent); the pivot's PrixUnitaire is the price of one. */
    private static BigDecimal unitPrice(BigDecimal price, BigDecimal baseQuantity) {
        if (price == null || baseQuantity == null || baseQuantity.signum() == 0
                || baseQuantity.compareTo(BigDecimal.ONE) == 0) {
            return price;
        }
        return price.divide(baseQuantity, java.math.MathContext.DECIMAL64).stripTrailingZeros();
    }

    private static BigDecimal amount(Map<PivotTerm, XPathExecutable> paths, PivotTerm term, XdmNode context)
            throws SaxonApiException {
        return SaxonInvoiceFactsReader.amount(text(paths, term, context));
    }

    private static String text(Map<PivotTerm, XPathExecutable> paths, PivotTerm term, XdmNode context)
            throws SaxonApiException {
        XdmItem item = select(paths.get(term), context).evaluateSingle();
        if (item == null) {
            return null;
        }
        String value = item.getStringValue().strip();
        return value.isEmpty() ? null : value;
    }

    private static XPathSelector select(XPathExecutable path, XdmNode context) throws SaxonApiException {
        XPathSelector selector = path.load();
        selector.setContextItem(context);
        return selector;
    }
}
