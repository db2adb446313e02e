package org.achemine.validation.en16931;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.saxon.s9api.Axis;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import net.sf.saxon.s9api.XdmSequenceIterator;
import org.achemine.validation.Location;

/**
 * Turns the location the official stylesheets write
 * ({@code /*:Invoice[namespace-uri()='urn:...'][1]/*:InvoiceLine[namespace-uri()='urn:...'][3]}) into a
 * readable path ({@code /Invoice[1]/InvoiceLine[3]}) and, by walking it in the document's tree, the line
 * of the node. Walking the steps directly costs nothing next to compiling an XPath per finding.
 */
final class SvrlLocations {

    private static final Pattern STEP = Pattern.compile(
            "/(?:\\*:([^\\[/]+)\\[namespace-uri\\(\\)='([^']*)'\\]|@?([^\\[/]+))(?:\\[(\\d+)\\])?");

    private SvrlLocations() {
    }

    static Location resolve(XdmNode document, String svrlPath) {
        if (svrlPath == null || svrlPath.isEmpty()) {
            return Location.NONE;
        }
        StringBuilder readable = new StringBuilder();
        XdmNode node = document;
        Matcher step = STEP.matcher(svrlPath);
        int end = 0;
        while (step.find() && step.start() == end) {
            end = step.end();
            String local = step.group(1) != null ? step.group(1) : step.group(3);
            String namespace = step.group(1) != null ? step.group(2) : "";
            int position = step.group(4) == null ? 1 : Integer.parseInt(step.group(4));
            boolean attribute = svrlPath.charAt(step.start() + 1) == '@';
            readable.append('/').append(attribute ? "@" : "").append(local);
            if (step.group(4) != null) {
                readable.append('[').append(position).append(']');
            }
            node = node == null ? null : attribute ? attribute(node, local) : child(node, namespace, local, position);
        }
        if (end != svrlPath.length()) {
            return Location.path(svrlPath); // not a path we know how to read: keep it as written
        }
        int line = node == null ? 0 : node.getLineNumber();
        int column = node == null ? 0 : node.getColumnNumber();
        return new Location(Math.max(line, 0), Math.max(column, 0), readable.toString());
    }

    private static XdmNode child(XdmNode parent, String namespace, String local, int position) {
        int seen = 0;
        XdmSequenceIterator<XdmNode> children = parent.axisIterator(Axis.CHILD);
        while (children.hasNext()) {
            XdmNode child = children.next();
            if (child.getNodeKind() == XdmNodeKind.ELEMENT && local.equals(child.getNodeName().getLocalName())
                    && namespace.equals(child.getNodeName().getNamespace()) && ++seen == position) {
                return child;
            }
        }
        return null;
    }

    private static XdmNode attribute(XdmNode element, String name) {
        XdmSequenceIterator<XdmNode> attributes = element.axisIterator(Axis.ATTRIBUTE);
        while (attributes.hasNext()) {
            XdmNode attribute = attributes.next();
            if (attribute.getNodeName().getLocalName().equals(name)) {
                return attribute;
            }
        }
        return element;
    }
}
