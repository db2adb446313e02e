package org.achemine.validation.en16931;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmNode;
import org.achemine.validation.Syntax;
import org.achemine.xml.HardenedXml;
import org.junit.jupiter.api.Test;

class SelectiveWalksTest {

    /** A pattern mode as the Schematron skeleton writes it, with a rule whose shape the test varies. */
    private static String stylesheet(String rule) {
        return """
                <xsl:stylesheet version="2.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                                xmlns:a="urn:a" xmlns:b="urn:b">
                  <xsl:template match="/">
                    <out><xsl:apply-templates mode="M1" select="/"/></out>
                  </xsl:template>
                  <xsl:template match="a:Doc/a:Line[a:Q = '1'] | //b:Tax[@x = 'a/b|c']" mode="M1" priority="1001">
                    <xsl:apply-templates mode="M1" select="@*|*"/>
                  </xsl:template>
                  %s
                  <xsl:template match="text()" mode="M1" priority="-1"/>
                  <xsl:template match="@*|node()" mode="M1" priority="-2">
                    <xsl:apply-templates mode="M1" select="@*|*"/>
                  </xsl:template>
                </xsl:stylesheet>
                """.formatted(rule);
    }

    private static Map<String, String> walks(String stylesheet, Map<String, List<String>> rewrites) throws Exception {
        return SelectiveWalks.of(StylesheetTrimmer.read(
                new ByteArrayInputStream(stylesheet.getBytes(StandardCharsets.UTF_8)), "urn:test"), rewrites);
    }

    @Test
    void aModeOfNamedRulesWalksOnlyTheirElementsInDocumentOrder() throws Exception {
        String rule = """
                <xsl:template match="Q{urn:b}Amount[. > 0]" mode="M1" priority="1000">
                  <xsl:apply-templates mode="M1" select="@*|*"/>
                </xsl:template>""";
        assertThat(walks(stylesheet(rule), Map.of())).containsExactly(Map.entry("M1",
                "Q{urn:a}Line Q{urn:b}Tax Q{urn:b}Amount"));
        // a wildcard rule rewritten by name is walked by those names
        String wildcard = rule.replace("Q{urn:b}Amount[. > 0]", "//*[ends-with(name(), 'Amount')]");
        assertThat(walks(stylesheet(wildcard), Map.of("//*[ends-with(name(), 'Amount')]",
                List.of("//Q{urn:b}TaxAmount[ends-with(name(), 'Amount')]", "//Q{urn:a}PayableAmount[x]"))))
                .containsEntry("M1", "Q{urn:a}Line Q{urn:b}Tax Q{urn:b}TaxAmount Q{urn:a}PayableAmount");
    }

    @Test
    void aModeWithoutTheSkeletonsShapeKeepsItsOfficialWalk() throws Exception {
        String walk = "<xsl:apply-templates mode=\"M1\" select=\"@*|*\"/>";
        for (String rule : List.of(
                // a wildcard, an attribute, a text node, an unbound prefix as the last step
                "<xsl:template match=\"//*[ends-with(name(), 'Amount')]\" mode=\"M1\">" + walk + "</xsl:template>",
                "<xsl:template match=\"a:X/@a:id\" mode=\"M1\">" + walk + "</xsl:template>",
                "<xsl:template match=\"a:X/text()\" mode=\"M1\">" + walk + "</xsl:template>",
                "<xsl:template match=\"z:X\" mode=\"M1\">" + walk + "</xsl:template>",
                // a rule that does not walk its children, or walks them elsewhere than last, or walks other nodes
                "<xsl:template match=\"a:X\" mode=\"M1\"><x/></xsl:template>",
                "<xsl:template match=\"a:X\" mode=\"M1\">" + walk + "<x/></xsl:template>",
                "<xsl:template match=\"a:X\" mode=\"M1\"><xsl:apply-templates mode=\"M1\" select=\"*\"/></xsl:template>",
                // another template applying the mode
                "<xsl:template match=\"a:X\" mode=\"M1\">" + walk + "</xsl:template>"
                        + "<xsl:template name=\"t\"><xsl:apply-templates mode=\"M1\" select=\".\"/></xsl:template>")) {
            assertThat(walks(stylesheet(rule), Map.of())).as(rule).isEmpty();
        }
    }

    @Test
    void splitsPatternsAtTheirTopLevelBarsAndFindsTheLastStep() {
        assertThat(SelectiveWalks.branches("a:X[b:Y = 'p|q'] | //c:Z[(d|e)] |f:G"))
                .containsExactly("a:X[b:Y = 'p|q']", "//c:Z[(d|e)]", "f:G");
        assertThat(SelectiveWalks.lastStep("/a:X[b:Y/c:Z = '/']/d:W[e:V][f:U/g:T]")).isEqualTo("d:W");
        assertThat(SelectiveWalks.lastStep("//Q{urn:x/y}TaxAmount[ends-with(name(), 'Amount')]"))
                .isEqualTo("Q{urn:x/y}TaxAmount");
    }

    @Test
    void everyPatternOfTheOfficialRulesWalksSelectivelyOnceItsWildcardsAreLookedUpByName() throws Exception {
        for (Syntax syntax : List.of(Syntax.UBL_INVOICE, Syntax.CII_D16B)) {
            String resource = syntax.isUbl() ? En16931Check.UBL_STYLESHEET : En16931Check.CII_STYLESHEET;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                XdmNode official = StylesheetTrimmer.read(in, resource);
                Map<String, List<String>> rewrites =
                        WildcardIndex.of(official, SchemaElementNames.of(syntax)).rewrites();
                List<String> modes = En16931Check.patternModes(HardenedXml.processor(), official).stream()
                        .map(mode -> mode.getLocalName()).toList();
                Map<String, String> walks = SelectiveWalks.of(official, rewrites);
                assertThat(walks.keySet()).as(resource).containsExactlyElementsOf(modes);
                // with the official wildcard patterns, only the patterns without one walk selectively
                assertThat(SelectiveWalks.of(official, Map.of())).as(resource).hasSizeBetween(1, modes.size() - 1);
                // and the trimmed stylesheet has no rule walking its children in those modes any more
                XdmNode trimmed = StylesheetTrimmer.trim(official, false, false, rewrites, walks);
                XPathCompiler xpath = HardenedXml.processor().newXPathCompiler();
                xpath.declareNamespace("xsl", "http://www.w3.org/1999/XSL/Transform");
                assertThat(xpath.evaluate("//xsl:apply-templates[@select = '@*|*']", trimmed).size()).isZero();
                assertThat(xpath.evaluate("//xsl:template[@match = 'document-node()']", trimmed).size())
                        .isEqualTo(modes.size());
            }
        }
    }
}
