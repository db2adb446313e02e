package org.achemine.validation.en16931;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import org.achemine.validation.Syntax;
import org.achemine.xml.HardenedXml;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The committed element name lists are exactly what the official XSDs on the class path declare: this test is
 * their generator. When the schemas change it fails and writes the new list under target/, to copy over the
 * committed one (never edit it by hand).
 */
class SchemaElementNamesTest {

    private static final String UBL_INVOICE = "external/schemas/ubl21/maindoc/UBL-Invoice-2.1.xsd";
    private static final String UBL_CREDIT_NOTE = "external/schemas/ubl21/maindoc/UBL-CreditNote-2.1.xsd";
    private static final String CII_D16B = "external/schemas/d16b/data/standard/CrossIndustryInvoice_100pD16B.xsd";

    @ParameterizedTest
    @EnumSource(Syntax.class)
    void theCommittedListIsWhatTheSchemasDeclare(Syntax syntax) throws Exception {
        Set<String> declared = syntax.isUbl() ? declaredFrom(UBL_INVOICE, UBL_CREDIT_NOTE) : declaredFrom(CII_D16B);
        Set<String> committed = SchemaElementNames.of(syntax);

        if (!committed.equals(declared)) {
            Path regenerated = Path.of("target", "generated-element-names", SchemaElementNames.resource(syntax));
            Files.createDirectories(regenerated.getParent());
            Files.writeString(regenerated, String.join("\n", declared) + "\n", StandardCharsets.UTF_8);
            System.err.println("Regenerated " + regenerated + ": copy it to src/main/resources/"
                    + SchemaElementNames.class.getPackageName().replace('.', '/') + "/");
        }
        assertThat(committed).containsExactlyElementsOf(declared);
        String taxAmount = syntax.isUbl()
                ? "Q{urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2}TaxAmount"
                : "Q{urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100}TaxTotalAmount";
        assertThat(committed).contains(taxAmount);
    }

    /** Every xs:element/@name of the root schemas and the schemas they include or import by location. */
    private static Set<String> declaredFrom(String... roots) throws Exception {
        XPathCompiler xpath = HardenedXml.processor().newXPathCompiler();
        xpath.declareNamespace("xs", "http://www.w3.org/2001/XMLSchema");
        Set<String> names = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        Deque<URL> toRead = new ArrayDeque<>();
        for (String root : roots) {
            URL url = SchemaElementNamesTest.class.getClassLoader().getResource(root);
            assertThat(url).as("schema %s on the class path", root).isNotNull();
            toRead.add(url);
        }
        while (!toRead.isEmpty()) {
            URL url = toRead.pop();
            if (!seen.add(url.toExternalForm())) {
                continue;
            }
            XdmNode schema = read(url);
            String namespace = xpath.evaluateSingle("string(/xs:schema/@targetNamespace)", schema).getStringValue();
            for (XdmItem name : xpath.evaluate("//xs:element/@name", schema)) {
                names.add("Q{" + namespace + "}" + name.getStringValue());
            }
            for (XdmItem location : xpath.evaluate("/xs:schema/(xs:include | xs:import)/@schemaLocation", schema)) {
                toRead.add(new URL(url, location.getStringValue()));
            }
        }
        return names;
    }

    private static XdmNode read(URL url) throws Exception {
        try (InputStream in = url.openStream()) {
            return HardenedXml.buildTree(in.readAllBytes(), url.toExternalForm());
        } catch (IOException e) {
            throw new IOException("Cannot read " + url, e);
        }
    }
}
