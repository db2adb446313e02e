package org.achemine.validation.en16931;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.saxon.om.AxisInfo;
import net.sf.saxon.om.NamePool;
import net.sf.saxon.om.NamespaceUri;
import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.tree.iter.AxisIterator;
import net.sf.saxon.tree.tiny.TinyNodeImpl;
import net.sf.saxon.tree.tiny.TinyTree;
import net.sf.saxon.type.Type;
import org.achemine.xml.HardenedXml;

/**
 * Turns the official rules whose match pattern has no element name, {@code //*[ends-with(name(), 'Amount') and …]}
 * or {@code //ram:*[ends-with(name(), 'ID')]}, into patterns Saxon-HE can look up by name: one branch per declared
 * element name that ends that way ({@link SchemaElementNames}), each with the official predicate unchanged, e.g.
 * {@code //Q{ns}TaxAmount[ends-with(name(), 'Amount') and …]}, {@code //Q{ns}PayableAmount[…]}, each in a copy of
 * the official template (same mode, priority and body: two copies never match the same element). Saxon-HE otherwise
 * tests the wildcard rules' predicates on every element of every walk.
 *
 * <p>Exact on a document when every element that the wildcard's name test accepts has one of the listed names:
 * {@link #covers} checks that per document (one pass over the tree's name array, each distinct name judged once
 * per run); a document that fails it (say, a foreign {@code x:FooAmount} in a UBL extension) is checked with the
 * official patterns. Rewritten only: a pattern made of {@code //}, a wildcard node test, and one predicate whose
 * first term is {@code ends-with(name(), 'literal')} followed by {@code and} — no other predicate, no union,
 * no {@code or}, no position — so every matched element passes the name test. {@code name()} ends with a literal
 * that holds no colon exactly when the local name does.
 */
final class WildcardIndex {

    /** //* or //p:* then [ends-with(name(), 'suffix') and …], nothing the narrowing could change. */
    private static final Pattern WILDCARD = Pattern.compile(
            "^//(?:\\*|([A-Za-z][A-Za-z0-9_.\\-]*):\\*)\\[ends-with\\(name\\(\\),\\s*'([^':]+)'\\)(\\s+and\\s[^\\[\\]|]*)?\\]$");
    private static final Pattern NOT_NARROWABLE = Pattern.compile("\\bor\\b|position\\(|last\\(");

    /** A wildcard's name test: any namespace (null) or this one, and a local name ending with the suffix. */
    private record NameTest(String namespace, String suffix) {

        boolean accepts(String elementNamespace, String local) {
            return (namespace == null || namespace.equals(elementNamespace)) && local.endsWith(suffix);
        }
    }

    private final Map<String, List<String>> rewrites;
    private final List<NameTest> nameTests;
    private final Set<String> declared;
    /** Name fingerprint → true when no rewritten rule could match it or it is declared; judged once per name. */
    private final ConcurrentMap<Integer, Boolean> coveredNames = new ConcurrentHashMap<>();

    private WildcardIndex(Map<String, List<String>> rewrites, List<NameTest> nameTests, Set<String> declared) {
        this.rewrites = Map.copyOf(rewrites);
        this.nameTests = List.copyOf(nameTests);
        this.declared = declared;
    }

    /** The rewrites of this stylesheet's wildcard patterns, given the names its syntax's schemas declare. */
    static WildcardIndex of(XdmNode stylesheet, Set<String> declared) throws SaxonApiException {
        XPathCompiler xpath = HardenedXml.processor().newXPathCompiler();
        xpath.declareNamespace("xsl", "http://www.w3.org/1999/XSL/Transform");
        Map<String, List<String>> rewrites = new LinkedHashMap<>();
        List<NameTest> nameTests = new ArrayList<>();
        for (XdmItem item : xpath.evaluate("/xsl:stylesheet/xsl:template/@match", stylesheet)) {
            String match = item.getStringValue();
            Matcher wildcard = WILDCARD.matcher(match);
            if (rewrites.containsKey(match) || !wildcard.matches()
                    || (wildcard.group(3) != null && NOT_NARROWABLE.matcher(wildcard.group(3)).find())) {
                continue;
            }
            String prefix = wildcard.group(1);
            String namespace = null;
            if (prefix != null) {
                namespace = namespaceOf(prefix, ((XdmNode) item).getParent());
                if (namespace == null) {
                    continue;
                }
            }
            NameTest test = new NameTest(namespace, wildcard.group(2));
            String predicate = match.substring(match.indexOf('['));
            List<String> branches = new ArrayList<>();
            for (String name : declared) {
                int close = name.indexOf('}');
                if (test.accepts(name.substring(2, close), name.substring(close + 1))) {
                    branches.add("//" + name + predicate);
                }
            }
            if (!branches.isEmpty()) {
                rewrites.put(match, List.copyOf(branches));
                nameTests.add(test);
            }
        }
        return new WildcardIndex(rewrites, nameTests, declared);
    }

    /** Official match pattern → one pattern per element name it may match, for trim-svrl.xsl. */
    Map<String, List<String>> rewrites() {
        return rewrites;
    }

    /** True when the rewritten patterns match exactly what the official ones match in this document. */
    boolean covers(XdmNode document) {
        NodeInfo root = document.getUnderlyingNode();
        NamePool names = root.getConfiguration().getNamePool();
        if (root instanceof TinyNodeImpl tiny) {
            TinyTree tree = tiny.getTree();
            int[] nameCodes = tree.getNameCodeArray();
            byte[] kinds = tree.getNodeKindArray();
            BitSet seen = new BitSet();
            for (int node = 0, count = tree.getNumberOfNodes(); node < count; node++) {
                // elements, and those the tree keeps compact because they hold only text
                int nameCode = nameCodes[node];
                if ((kinds[node] == Type.ELEMENT || kinds[node] == Type.TEXTUAL_ELEMENT) && nameCode >= 0) {
                    int fingerprint = nameCode & NamePool.FP_MASK;
                    if (!seen.get(fingerprint)) {
                        seen.set(fingerprint);
                        if (!covered(fingerprint, names)) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }
        AxisIterator elements = root.iterateAxis(AxisInfo.DESCENDANT);
        for (NodeInfo node = elements.next(); node != null; node = elements.next()) {
            if (node.getNodeKind() == Type.ELEMENT && !covered(node.getFingerprint(), names)) {
                return false;
            }
        }
        return true;
    }

    private boolean covered(int fingerprint, NamePool names) {
        return coveredNames.computeIfAbsent(fingerprint, f -> {
            String namespace = names.getURI(f).toString();
            String local = names.getLocalName(f);
            return declared.contains("Q{" + namespace + "}" + local)
                    || nameTests.stream().noneMatch(test -> test.accepts(namespace, local));
        });
    }

    /** The namespace the prefix stands for where the template is written, or null when it is not bound. */
    private static String namespaceOf(String prefix, XdmNode template) {
        NamespaceUri uri = template.getUnderlyingNode().getAllNamespaces().getURIForPrefix(prefix, false);
        return uri == null ? null : uri.toString();
    }
}
