package org.achemine.validation.en16931;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import org.achemine.validation.Syntax;
import org.achemine.xml.HardenedXml;

/**
 * The element names the official schemas of a syntax declare ({@code Q{namespace}local}, e.g.
 * {@code Q{urn:...:CommonBasicComponents-2}TaxAmount}), read from the schema files on the class path and the files
 * they include or import by location. They tell {@link WildcardIndex} which names a wildcard rule may meet; a
 * document holding any other name that such a rule could match is checked with the official patterns, so this
 * list decides only how often the faster walk runs, never a finding.
 */
final class SchemaElementNames {

    private static final String UBL_INVOICE = "external/schemas/ubl21/maindoc/UBL-Invoice-2.1.xsd";
    private static final String UBL_CREDIT_NOTE = "external/schemas/ubl21/maindoc/UBL-CreditNote-2.1.xsd";
    private static final String CII_D16B = "external/schemas/d16b/data/standard/CrossIndustryInvoice_100pD16B.xsd";

    private SchemaElementNames() {
    }

    /** The declared element names of the syntax's family (UBL: Invoice and CreditNote together), sorted. */
    static Set<String> of(Syntax syntax) {
        return syntax.isUbl() ? declaredFrom(UBL_INVOICE, UBL_CREDIT_NOTE) : declaredFrom(CII_D16B);
    }

    private static Set<String> declaredFrom(String... roots) {
        XPathCompiler xpath = HardenedXml.processor().newXPathCompiler();
        xpath.declareNamespace("xs", "http://www.w3.org/2001/XMLSchema");
        Set<String> names = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        Deque<URL> toRead = new ArrayDeque<>();
        for (String root : roots) {
            URL url = SchemaElementNames.class.getClassLoader().getResource(root);
            if (url == null) {
                throw new IllegalStateException("Schema " + root + " is not on the class path");
            }
            toRead.add(url);
        }
        try {
            while (!toRead.isEmpty()) {
                URL url = toRead.pop();
                if (!seen.add(url.toExternalForm())) {
                    continue;
                }
                XdmNode schema = read(url);
                String namespace = xpath.evaluateSingle("string(/xs:schema/@targetNamespace)", schema)
                        .getStringValue();
                for (XdmItem name : xpath.evaluate("//xs:element/@name", schema)) {
                    names.add("Q{" + namespace + "}" + name.getStringValue());
                }
                for (XdmItem location : xpath.evaluate("/xs:schema/(xs:include | xs:import)/@schemaLocation",
                        schema)) {
                    toRead.add(new URL(url, location.getStringValue()));
                }
            }
        } catch (SaxonApiException | MalformedURLException e) {
            throw new IllegalStateException("Cannot read the element names of " + String.join(", ", roots), e);
        }
        return names;
    }

    private static XdmNode read(URL url) throws SaxonApiException {
        try (InputStream in = url.openStream()) {
            return HardenedXml.buildTree(in.readAllBytes(), url.toExternalForm());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
