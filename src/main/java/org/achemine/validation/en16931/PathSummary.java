package org.achemine.validation.en16931;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import net.sf.saxon.Controller;
import net.sf.saxon.expr.XPathContext;
import net.sf.saxon.om.AxisInfo;
import net.sf.saxon.om.NamePool;
import net.sf.saxon.om.NamespaceUri;
import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.om.Sequence;
import net.sf.saxon.om.StructuredQName;
import net.sf.saxon.pattern.NodeKindTest;
import net.sf.saxon.trans.XPathException;
import net.sf.saxon.tree.iter.AxisIterator;
import net.sf.saxon.value.Int64Value;
import net.sf.saxon.value.SequenceType;

/**
 * {@code summary:count($node, 'Q{ns}a/Q{ns}b')}: how many elements of $node's document have that path of element
 * names below the document element. Built once per transformation (one walk of the tree into a trie of name
 * fingerprints, kept in the transformation's user data), then each question is a few hash look-ups, where the
 * official {@code not(a/b)} walked the tree once per assert. The stylesheet rewrite ({@code trim-svrl.xsl}) asks
 * it only what it answers exactly (see there).
 */
final class PathSummary extends NodeAndTextFunction {

    static final String NAMESPACE = "urn:achemine:en16931:path-summary";
    private static final StructuredQName NAME = new StructuredQName("summary", NAMESPACE, "count");

    /** Paths as the stylesheet writes them, turned into name fingerprints once. */
    private final ConcurrentMap<String, int[]> stepsByPath = new ConcurrentHashMap<>();

    /** One level of the summary: how many elements have this path, and the names found below them. */
    private static final class Level {
        final Map<Integer, Level> below = new HashMap<>();
        long count;
    }

    /** The summary of one document, remembered for the transformation that asked. */
    private record Summary(NodeInfo document, Level top) {
    }

    PathSummary() {
        super(NAME, SequenceType.SINGLE_INTEGER);
    }

    @Override
    Sequence call(XPathContext context, NodeInfo node, String path) {
        Level level = summary(context.getController(), node.getRoot()).top();
        for (int step : stepsByPath.computeIfAbsent(path, p -> steps(p, node.getConfiguration().getNamePool()))) {
            level = level.below.get(step);
            if (level == null) {
                return Int64Value.makeIntegerValue(0);
            }
        }
        return Int64Value.makeIntegerValue(level.count);
    }

    private static Summary summary(Controller controller, NodeInfo document) {
        Summary known = (Summary) controller.getUserData(PathSummary.class, "summary");
        if (known == null || !known.document().equals(document)) {
            known = new Summary(document, new Level());
            AxisIterator roots = document.iterateAxis(AxisInfo.CHILD, NodeKindTest.ELEMENT);
            for (NodeInfo root = roots.next(); root != null; root = roots.next()) {
                addChildren(root, known.top());
            }
            controller.setUserData(PathSummary.class, "summary", known);
        }
        return known;
    }

    private static void addChildren(NodeInfo parent, Level level) {
        AxisIterator children = parent.iterateAxis(AxisInfo.CHILD, NodeKindTest.ELEMENT);
        for (NodeInfo child = children.next(); child != null; child = children.next()) {
            Level below = level.below.computeIfAbsent(child.getFingerprint(), f -> new Level());
            below.count++;
            if (child.hasChildNodes()) {
                addChildren(child, below);
            }
        }
    }

    /** 'Q{ns}a/Q{ns}b' as the name pool's fingerprints of a then b (a namespace may hold slashes: read by braces). */
    static int[] steps(String path, NamePool names) {
        List<Integer> fingerprints = new ArrayList<>();
        int at = 0;
        while (at < path.length()) {
            int close = path.indexOf('}', at);
            int next = path.indexOf("/Q{", close);
            int end = next < 0 ? path.length() : next;
            fingerprints.add(names.allocateFingerprint(NamespaceUri.of(path.substring(at + 2, close)),
                    path.substring(close + 1, end)));
            at = next < 0 ? path.length() : next + 1;
        }
        return fingerprints.stream().mapToInt(Integer::intValue).toArray();
    }
}
