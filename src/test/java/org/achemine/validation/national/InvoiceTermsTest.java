package org.achemine.validation.national;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.ParsedInvoice;
import org.achemine.validation.Syntax;
import org.achemine.xml.HardenedXml;
import org.junit.jupiter.api.Test;

/** The business terms read by one map expression are the ones each term's own path finds, read once per document. */
class InvoiceTermsTest {

    private static final InvoiceTerms TERMS = new InvoiceTerms();

    @Test
    void theMapExpressionFindsWhatEachTermsOwnPathFinds() throws Exception {
        // given the official examples and the national samples, UBL and CII
        List<Path> documents = new ArrayList<>();
        try (Stream<Path> official = Files.list(Path.of("src/test/resources/en16931"));
             Stream<Path> national = Files.list(Path.of("samples/national"))) {
            Stream.concat(official, national).filter(p -> p.toString().toLowerCase().endsWith(".xml"))
                    .sorted().forEach(documents::add);
        }
        int compared = 0;
        for (Path document : documents) {
            XdmNode tree = HardenedXml.buildTree(Files.readAllBytes(document), document.toString());
            Syntax syntax = syntaxOf(tree);
            if (syntax == null) {
                continue;
            }
            // when the terms are read by the map expression and, one by one, by each term's path
            Map<BusinessTerm, XdmNode> together = TERMS.read(tree, syntax);
            Map<BusinessTerm, XdmNode> oneByOne = eachAlone(tree, syntax);

            // then the same nodes are found, absent terms included
            assertThat(together).as(document.toString()).isEqualTo(oneByOne);
            compared++;
        }
        assertThat(compared).isGreaterThan(40);
    }

    @Test
    void readsTheTermsOfADocumentOnceForEveryCheckThatAsks() throws Exception {
        // given a parsed sample
        byte[] bytes = Files.readAllBytes(Path.of("samples/national/ko-cadre-inconnu.xml"));
        ParsedInvoice invoice = new ParsedInvoice(new InvoiceDocument("ko-cadre-inconnu.xml", bytes), Syntax.UBL_INVOICE);

        // when two checks ask for its terms, then they share what the first read
        Map<BusinessTerm, XdmNode> first = TERMS.read(invoice);
        assertThat(TERMS.read(invoice)).isSameAs(first);
        assertThat(first).containsKey(BusinessTerm.BILLING_FRAMEWORK);
    }

    /** The old way: one expression per term, the first node of its path. */
    private static Map<BusinessTerm, XdmNode> eachAlone(XdmNode tree, Syntax syntax) throws Exception {
        XPathCompiler compiler = HardenedXml.processor().newXPathCompiler();
        compiler.declareNamespace("cac", InvoiceTerms.UBL_CAC);
        compiler.declareNamespace("cbc", InvoiceTerms.UBL_CBC);
        compiler.declareNamespace("rsm", InvoiceTerms.CII_RSM);
        compiler.declareNamespace("ram", InvoiceTerms.CII_RAM);
        compiler.declareNamespace("udt", InvoiceTerms.CII_UDT);
        Map<BusinessTerm, XdmNode> found = new EnumMap<>(BusinessTerm.class);
        for (BusinessTerm term : BusinessTerm.values()) {
            XPathSelector selector = compiler.compile("(/*/" + term.path(syntax) + ")[1]").load();
            selector.setContextItem(tree);
            XdmItem item = selector.evaluateSingle();
            if (item instanceof XdmNode node) {
                found.put(term, node);
            }
        }
        return found;
    }

    private static Syntax syntaxOf(XdmNode tree) {
        for (XdmNode root : tree.children()) {
            if (root.getNodeName() != null) {
                return Syntax.of(root.getNodeName().getNamespace(), root.getNodeName().getLocalName()).orElse(null);
            }
        }
        return null;
    }
}
