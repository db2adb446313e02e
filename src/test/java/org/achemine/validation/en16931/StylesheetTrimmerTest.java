package org.achemine.validation.en16931;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmNode;
import org.achemine.xml.HardenedXml;
import org.junit.jupiter.api.Test;

/**
 * What trim-svrl.xsl makes of a rule's path-absence asserts; En16931AgreesWithPhiveTest proves the findings equal.
 */
class StylesheetTrimmerTest {

    private static final String RULE = """
            <xsl:stylesheet version="2.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                            xmlns:svrl="http://purl.oclc.org/dsdl/svrl" xmlns:a="urn:a">
              <xsl:template match="a:Line" mode="M1" priority="1000">
                <svrl:fired-rule context="a:Line"/>
                <xsl:choose><xsl:when test="not(a:B/a:C)"/><xsl:otherwise>1</xsl:otherwise></xsl:choose>
                <xsl:choose><xsl:when test="a:ID != ''"/><xsl:otherwise>2</xsl:otherwise></xsl:choose>
                <xsl:choose><xsl:when test="not((a:B|a:E)/a:D)"/><xsl:otherwise>3</xsl:otherwise></xsl:choose>
                <xsl:choose><xsl:when test="not(a:F)"/><xsl:otherwise>4</xsl:otherwise></xsl:choose>
                <xsl:choose><xsl:when test="not(a:F/a:G)"/><xsl:otherwise>5</xsl:otherwise></xsl:choose>
              </xsl:template>
              <xsl:template match="a:Header" mode="M1" priority="999">
                <xsl:choose><xsl:when test="not(a:H)"/><xsl:otherwise>6</xsl:otherwise></xsl:choose>
              </xsl:template>
            </xsl:stylesheet>
            """;

    @Test
    void aRulesPathAbsenceAssertsRunOnlyWhenOneOfTheirMergedPathsExists() throws Exception {
        // given a rule with four path-absence asserts among five, and a rule with one
        XdmNode trimmed = trim(RULE);

        // when
        XPathCompiler xpath = xpath();
        List<String> guards = strings(xpath, "//xsl:variable[@name = 'achemine-some-path-present']/@select", trimmed);
        List<String> guarded = strings(xpath,
                "//xsl:if[@test = '$achemine-some-path-present']/xsl:choose/xsl:otherwise", trimmed);

        // then one test of every path (PathPresence merges them into one tree of names), each path once
        assertThat(guards).containsExactly("Q{urn:achemine:en16931:path-summary}present(., "
                + "'Q{urn:a}B/Q{urn:a}C Q{urn:a}B/Q{urn:a}D Q{urn:a}E/Q{urn:a}D Q{urn:a}F Q{urn:a}F/Q{urn:a}G')");
        // the four asserts it covers run under it, in their places; the other assert and the lone one do not
        assertThat(guarded).containsExactly("1", "3", "4", "5");
        assertThat(strings(xpath, "//xsl:choose/xsl:otherwise", trimmed)).containsExactly("1", "2", "3", "4", "5", "6");
    }

    @Test
    void theOfficialRulesAreGuardedAndReadTheirAbsolutePathsOnce() throws Exception {
        // given the official stylesheets, trimmed with the path-absence asserts left as XPath (as under 64 KB)
        XPathCompiler xpath = xpath();
        for (String stylesheet : List.of(En16931Check.UBL_STYLESHEET, En16931Check.CII_STYLESHEET)) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(stylesheet)) {
                // when
                XdmNode trimmed = trim(in);

                // then UBL's document element rule (643 asserts), CII's 17 rules (478): a new release that no longer
                // fits the grammar shows here before it shows in the benchmark
                int rules = strings(xpath, "//xsl:variable[@name = 'achemine-some-path-present']", trimmed).size();
                int asserts = strings(xpath, "//xsl:if[@test = '$achemine-some-path-present']", trimmed).size();
                assertThat(List.of(rules, asserts)).as(stylesheet)
                        .isEqualTo(stylesheet.contains("UBL") ? List.of(1, 643) : List.of(17, 478));
                // and UBL's VAT category rules read 3 absolute paths once (//cac:InvoiceLine...), CII's line, tax and
                // total rules 20 (the header's parties, currencies and taxes)
                int paths = strings(xpath, "/xsl:stylesheet/xsl:variable[starts-with(@name, 'achemine-document-scan-')]",
                        trimmed).size();
                assertThat(paths).as(stylesheet).isEqualTo(stylesheet.contains("UBL") ? 3 : 20);
            }
        }
    }

    private static final String SCANS = """
            <xsl:stylesheet version="2.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:a="urn:a">
              <xsl:template match="/a:Doc" mode="M1" priority="1001">
                <xsl:choose><xsl:when test="exists(//a:H)"/><xsl:otherwise>0</xsl:otherwise></xsl:choose>
              </xsl:template>
              <xsl:template match="a:Line" mode="M1" priority="1000">
                <xsl:choose><xsl:when test="exists(//a:H/a:K[@schemeID = ('VA', 'FC')]) or a:B//a:C"/></xsl:choose>
                <xsl:choose><xsl:when test="(/a:Doc|/a:Other)/a:H and xs:decimal(//a:Amount) > 0"/></xsl:choose>
                <xsl:choose><xsl:when test="//a:H/a:K[@schemeID = ('VA', 'FC')] != '//a:H'"/></xsl:choose>
                <xsl:choose><xsl:when test="exists(//a:X[normalize-space(a:ID) = 'S'])"/></xsl:choose>
                <xsl:choose><xsl:when test="every $r in a:R satisfies //a:X[a:P = $r]"/></xsl:choose>
                <xsl:choose><xsl:when test="count(//a:X[a:N > 0]) = count(//a:X/xs:decimal(a:Y))"/></xsl:choose>
                <xsl:choose><xsl:when test="//a:X[a:T eq 'x'] or //*[@a:Z != 'O' and a:W]"/></xsl:choose>
                <xsl:choose><xsl:when test="a:B //a:H and (a:B) /a:Doc"/></xsl:choose>
              </xsl:template>
            </xsl:stylesheet>
            """;

    @Test
    void absolutePathsOfTheRulesBelowTheDocumentElementAreReadOncePerDocument() throws Exception {
        // given a rule on the document element and a rule per line, whose asserts read absolute paths
        XdmNode trimmed = trim(SCANS);

        // when
        XPathCompiler xpath = xpath();
        List<String> variables = strings(xpath,
                "/xsl:stylesheet/xsl:variable[starts-with(@name, 'achemine-document-scan-')]/concat(@name, '=', @select)",
                trimmed);

        // then each path made of names, paths and string literals compared with = or != is a global variable, once
        assertThat(variables).containsExactly(
                "achemine-document-scan-1=//a:H/a:K[@schemeID = ('VA', 'FC')]",
                "achemine-document-scan-2=/a:Doc",
                "achemine-document-scan-3=/a:Other",
                "achemine-document-scan-4=//a:Amount",
                "achemine-document-scan-5=//*[@a:Z != 'O' and a:W]");
        // and the line rule's asserts read them; a relative path (spaces or not), a string literal, a function, a
        // variable, a number, a value comparison and the document element's rule (fired once) are left as they are
        assertThat(strings(xpath, "//xsl:when/@test", trimmed)).containsExactly(
                "exists(//a:H)",
                "exists($achemine-document-scan-1) or a:B//a:C",
                "($achemine-document-scan-2|$achemine-document-scan-3)/a:H and xs:decimal($achemine-document-scan-4) > 0",
                "$achemine-document-scan-1 != '//a:H'",
                "exists(//a:X[normalize-space(a:ID) = 'S'])",
                "every $r in a:R satisfies //a:X[a:P = $r]",
                "count(//a:X[a:N > 0]) = count(//a:X/xs:decimal(a:Y))",
                "//a:X[a:T eq 'x'] or $achemine-document-scan-5",
                "a:B //a:H and (a:B) /a:Doc");
        // and not in the version for invoices under 64 KB
        XdmNode small = StylesheetTrimmer.trim(StylesheetTrimmer.read(
                new ByteArrayInputStream(SCANS.getBytes(StandardCharsets.UTF_8)), "urn:test"), false, false, Map.of(), Map.of());
        assertThat(strings(xpath, "//xsl:when/@test[contains(., '$achemine-document-scan-')]", small)).isEmpty();
    }

    private static XdmNode trim(String stylesheet) throws Exception {
        return trim(new ByteArrayInputStream(stylesheet.getBytes(StandardCharsets.UTF_8)));
    }

    private static XdmNode trim(InputStream stylesheet) throws Exception {
        return StylesheetTrimmer.trim(StylesheetTrimmer.read(stylesheet, "urn:test"), false, true, Map.of(), Map.of());
    }

    private static XPathCompiler xpath() {
        XPathCompiler xpath = HardenedXml.processor().newXPathCompiler();
        xpath.declareNamespace("xsl", "http://www.w3.org/1999/XSL/Transform");
        return xpath;
    }

    private static List<String> strings(XPathCompiler xpath, String expression, XdmNode tree) throws Exception {
        return xpath.evaluate(expression, tree).stream().map(item -> item.getStringValue()).toList();
    }
}
