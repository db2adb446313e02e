package org.achemine.validation.national;

import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;

/** The readable path of a node for a finding's location, e.g. {@code /Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount}. */
final class NodePaths {

    private NodePaths() {
    }

    static String of(XdmNode node) {
        StringBuilder path = new StringBuilder();
        for (XdmNode at = node; at != null && at.getNodeKind() != XdmNodeKind.DOCUMENT; at = at.getParent()) {
            String name = at.getNodeName() == null ? "" : at.getNodeName().toString();
            path.insert(0, (at.getNodeKind() == XdmNodeKind.ATTRIBUTE ? "/@" : "/") + name);
        }
        return path.toString();
    }
}
