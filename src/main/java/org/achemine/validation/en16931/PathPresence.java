package org.achemine.validation.en16931;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import net.sf.saxon.expr.XPathContext;
import net.sf.saxon.om.AxisInfo;
import net.sf.saxon.om.NamePool;
import net.sf.saxon.om.NamespaceUri;
import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.om.Sequence;
import net.sf.saxon.om.StructuredQName;
import net.sf.saxon.pattern.NodeKindTest;
import net.sf.saxon.tree.iter.AxisIterator;
import net.sf.saxon.value.BooleanValue;
import net.sf.saxon.value.SequenceType;

/**
 * {@code summary:present($node, 'Q{ns}a/Q{ns}b Q{ns}c …')}: whether any of those paths of child elements exists below
 * $node, the test that guards a rule's path-absence asserts (trim-svrl.xsl). The paths are merged once into a tree
 * of name fingerprints; each call then visits $node's children once, and goes below a child only where a path does,
 * where the same test written as one XPath union ({@code exists((a/(b | c) | d))}) scanned $node's children once per
 * first step of the union (UBL's syntax rule on the document element: a few hundred).
 */
final class PathPresence extends NodeAndTextFunction {

    private static final StructuredQName NAME = new StructuredQName("summary", PathSummary.NAMESPACE, "present");

    /** One step of the merged paths: a path ends here, or goes on to the names below. */
    private static final class Step {
        final Map<Integer, Step> below = new HashMap<>();
        boolean pathEnds;
    }

    /** The paths as the stylesheet writes them, merged into steps once. */
    private final ConcurrentMap<String, Step> stepsByPaths = new ConcurrentHashMap<>();

    PathPresence() {
        super(NAME, SequenceType.SINGLE_BOOLEAN);
    }

    @Override
    Sequence call(XPathContext context, NodeInfo node, String paths) {
        Step first = stepsByPaths.computeIfAbsent(paths, p -> merge(p, node.getConfiguration().getNamePool()));
        return BooleanValue.get(present(node, first));
    }

    private static boolean present(NodeInfo parent, Step step) {
        AxisIterator children = parent.iterateAxis(AxisInfo.CHILD, NodeKindTest.ELEMENT);
        for (NodeInfo child = children.next(); child != null; child = children.next()) {
            Step next = step.below.get(child.getFingerprint());
            if (next != null && (next.pathEnds || present(child, next))) {
                return true;
            }
        }
        return false;
    }

    /** 'Q{ns}a/Q{ns}b Q{ns}c' (paths separated by spaces, namespaces hold none) as one tree of fingerprints. */
    private static Step merge(String paths, NamePool names) {
        Step top = new Step();
        for (String path : paths.trim().split("\\s+")) {
            Step step = top;
            for (int fingerprint : PathSummary.steps(path, names)) {
                step = step.below.computeIfAbsent(fingerprint, f -> new Step());
            }
            step.pathEnds = true;
        }
        return top;
    }
}
