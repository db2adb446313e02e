package org.achemine.validation.en16931;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import net.sf.saxon.expr.XPathContext;
import net.sf.saxon.om.AxisInfo;
import net.sf.saxon.om.Item;
import net.sf.saxon.om.NamePool;
import net.sf.saxon.om.NamespaceUri;
import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.om.Sequence;
import net.sf.saxon.om.StructuredQName;
import net.sf.saxon.pattern.NodeKindTest;
import net.sf.saxon.trans.XPathException;
import net.sf.saxon.tree.iter.AxisIterator;
import net.sf.saxon.tree.tiny.TinyNodeImpl;
import net.sf.saxon.tree.tiny.TinyTree;
import net.sf.saxon.type.Type;
import net.sf.saxon.value.SequenceExtent;
import net.sf.saxon.value.SequenceType;

/**
 * {@code walk:elements($node, 'Q{ns}A Q{ns}B …')}: the elements below $node bearing one of those names, in document
 * order. One pass over the tree's name array with the names as a set of fingerprints, where the XPath union of one
 * {@code descendant::} step per name scans the tree once per name and merges the results (measured slower than the
 * official walk on CII). The selective pattern walks start from it ({@link SelectiveWalks}, {@code trim-svrl.xsl}).
 */
final class NamedElements extends NodeAndTextFunction {

    static final String NAMESPACE = "urn:achemine:en16931:selective-walk";
    private static final StructuredQName NAME = new StructuredQName("walk", NAMESPACE, "elements");

    /** The names as the stylesheet writes them, turned into a set of fingerprints once. */
    private final ConcurrentMap<String, BitSet> fingerprintsByNames = new ConcurrentHashMap<>();

    NamedElements() {
        super(NAME, SequenceType.NODE_SEQUENCE);
    }

    @Override
    Sequence call(XPathContext context, NodeInfo node, String names) {
        BitSet wanted = fingerprintsByNames.computeIfAbsent(names,
                n -> fingerprints(n, node.getConfiguration().getNamePool()));
        return SequenceExtent.makeSequenceExtent(elements(node, wanted));
    }

    private static List<Item> elements(NodeInfo node, BitSet names) {
        List<Item> elements = new ArrayList<>();
        if (node instanceof TinyNodeImpl tiny) {
            TinyTree tree = tiny.getTree();
            int[] nameCodes = tree.getNameCodeArray();
            byte[] kinds = tree.getNodeKindArray();
            short[] depths = tree.getNodeDepthArray();
            int top = tiny.getNodeNumber();
            for (int at = top + 1, count = tree.getNumberOfNodes(); at < count && depths[at] > depths[top]; at++) {
                // elements, and those the tree keeps compact because they hold only text
                if ((kinds[at] == Type.ELEMENT || kinds[at] == Type.TEXTUAL_ELEMENT) && nameCodes[at] >= 0
                        && names.get(nameCodes[at] & NamePool.FP_MASK)) {
                    elements.add(tree.getNode(at));
                }
            }
            return elements;
        }
        AxisIterator descendants = node.iterateAxis(AxisInfo.DESCENDANT, NodeKindTest.ELEMENT);
        for (NodeInfo element = descendants.next(); element != null; element = descendants.next()) {
            if (names.get(element.getFingerprint())) {
                elements.add(element);
            }
        }
        return elements;
    }

    /** 'Q{ns}A Q{ns}B' as the name pool's fingerprints (namespaces hold no space). */
    private static BitSet fingerprints(String names, NamePool pool) {
        BitSet fingerprints = new BitSet();
        for (String name : names.trim().split("\\s+")) {
            int close = name.indexOf('}');
            fingerprints.set(pool.allocateFingerprint(NamespaceUri.of(name.substring(2, close)),
                    name.substring(close + 1)));
        }
        return fingerprints;
    }
}
