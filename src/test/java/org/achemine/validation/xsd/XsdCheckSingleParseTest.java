package org.achemine.validation.xsd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmNode;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.ParsedInvoice;
import org.achemine.validation.Syntax;
import org.achemine.xml.HardenedXml;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The XSD check builds the Saxon tree from its own parse; it must be the document as a plain parse reads it. */
class XsdCheckSingleParseTest {

    private static final XsdCheck CHECK = new XsdCheck();

    @ParameterizedTest
    @CsvSource({"ubl-tc434-example1.xml, UBL_INVOICE", "ubl-tc434-creditnote1.xml, UBL_CREDIT_NOTE",
        "CII_example1.xml, CII_D16B"})
    void theTreeHandedOverIsTheDocumentAsWrittenWithoutSchemaDefaults(String example, Syntax syntax) throws Exception {
        // given an official example (EUPL-1.2, see src/test/resources/en16931/NOTICE)
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/en16931/" + example)) {
            bytes = in.readAllBytes();
        }
        ParsedInvoice invoice = new ParsedInvoice(new InvoiceDocument(example, bytes), syntax);

        // when the XSD check runs, then the tree it handed over equals a plain parse: same nodes, texts,
        // attributes (no schema default added), comments and line numbers
        CHECK.check(invoice);
        XdmNode handedOver = invoice.tree();
        XdmNode plain = HardenedXml.buildTree(bytes, example);
        XPathCompiler xpath = HardenedXml.processor().newXPathCompiler();
        xpath.declareVariable(new QName("a"));
        xpath.declareVariable(new QName("b"));
        XPathSelector same = xpath.compile("deep-equal($a, $b) and count($a//node()) = count($b//node())"
                + " and count($a//@*) = count($b//@*) and string-join($a//text(), '|') = string-join($b//text(), '|')")
                .load();
        same.setVariable(new QName("a"), handedOver);
        same.setVariable(new QName("b"), plain);
        assertThat(same.effectiveBooleanValue()).isTrue();
        assertThat(handedOver).isNotSameAs(plain);
        XdmNode lastA = null;
        XdmNode lastB = null;
        for (XdmNode n : handedOver.select(net.sf.saxon.s9api.streams.Steps.descendant("*")).asListOfNodes()) {
            lastA = n;
        }
        for (XdmNode n : plain.select(net.sf.saxon.s9api.streams.Steps.descendant("*")).asListOfNodes()) {
            lastB = n;
        }
        assertThat(lastA.getLineNumber()).isEqualTo(lastB.getLineNumber()).isPositive();
    }
}
