package org.achemine.validation.en16931;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmNode;
import org.achemine.xml.HardenedXml;
import org.junit.jupiter.api.Test;

/** summary:present answers exactly what exists((a/b | c)) answers on the same element; trim-svrl.xsl's guard uses it. */
class PathPresenceTest {

    private static final String DOCUMENT = """
            <a:Doc xmlns:a="urn:a" xmlns:b="urn:b">
              <a:Line><a:B><a:C/></a:B><a:ID>1</a:ID></a:Line>
              <a:Line><a:B>text only</a:B></a:Line>
              <b:E><a:D/></b:E>
            </a:Doc>
            """;

    @Test
    void findsAPathOnlyWhereEveryStepIsAChildElementOfTheStepBefore() throws Exception {
        // given a document and the paths a guard may hold, as XPath and as the function's argument
        XdmNode root = HardenedXml.buildTree(DOCUMENT.getBytes(StandardCharsets.UTF_8), "test").children().iterator()
                .next();
        String[][] cases = {
                {"a:Line/a:B/a:C", "Q{urn:a}Line/Q{urn:a}B/Q{urn:a}C"},
                {"a:Line/a:C", "Q{urn:a}Line/Q{urn:a}C"},
                {"a:B", "Q{urn:a}B"},
                {"b:E/a:D", "Q{urn:b}E/Q{urn:a}D"},
                {"a:E/a:D", "Q{urn:a}E/Q{urn:a}D"},
                {"a:Line/a:B/a:D | a:Line/a:ID", "Q{urn:a}Line/Q{urn:a}B/Q{urn:a}D Q{urn:a}Line/Q{urn:a}ID"},
                {"a:Line/a:B/a:D | a:Line/a:B/a:E", "Q{urn:a}Line/Q{urn:a}B/Q{urn:a}D Q{urn:a}Line/Q{urn:a}B/Q{urn:a}E"},
                {"a:Line | a:Line/a:X", "Q{urn:a}Line Q{urn:a}Line/Q{urn:a}X"},
        };
        // the trimmed stylesheets call it as En16931Check registers it
        Class.forName(En16931Check.class.getName());
        XPathCompiler xpath = HardenedXml.processor().newXPathCompiler();
        xpath.declareNamespace("a", "urn:a");
        xpath.declareNamespace("b", "urn:b");
        for (String[] pathCase : cases) {
            // when
            boolean official = evaluate(xpath, "exists(" + pathCase[0] + ")", root);
            boolean present = evaluate(xpath,
                    "Q{urn:achemine:en16931:path-summary}present(., '" + pathCase[1] + "')", root);

            // then
            assertThat(present).as(pathCase[0]).isEqualTo(official);
        }
        assertThat(evaluate(xpath, "Q{urn:achemine:en16931:path-summary}present(., 'Q{urn:a}Line/Q{urn:a}B/Q{urn:a}C')",
                root)).isTrue();
        assertThat(evaluate(xpath, "Q{urn:achemine:en16931:path-summary}present(., 'Q{urn:a}Line/Q{urn:a}C')", root))
                .isFalse();
    }

    private static boolean evaluate(XPathCompiler xpath, String expression, XdmNode context) throws Exception {
        XPathSelector selector = xpath.compile(expression).load();
        selector.setContextItem(context);
        return selector.effectiveBooleanValue();
    }
}
