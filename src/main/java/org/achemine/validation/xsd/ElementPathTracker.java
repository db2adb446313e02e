package org.achemine.validation.xsd;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Sits between the hardened parser and the schema validator and keeps the path of the current element
 * ("/Invoice/cac:InvoiceLine[2]/cac:Price/cbc:PriceAmount"), so that a schema error can say where it is in
 * terms a supplier finds in their file, not only a line number. One per validation: not thread-safe.
 */
final class ElementPathTracker extends XMLFilterImpl {

    /** One open element: its step in the path, and how many children of each name it has had so far. */
    private record Open(String step, Map<String, Integer> childCounts) {
    }

    private final Deque<Open> open = new ArrayDeque<>();
    private final Map<String, Integer> rootCounts = new HashMap<>();

    ElementPathTracker(XMLReader parent) {
        super(parent);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        String name = qName == null || qName.isEmpty() ? localName : qName;
        Map<String, Integer> siblings = open.isEmpty() ? rootCounts : open.peek().childCounts();
        int position = siblings.merge(name, 1, Integer::sum);
        open.push(new Open(position > 1 ? name + "[" + position + "]" : name, new HashMap<>()));
        // Pushed before the validator sees the element, so an error about it points at it.
        super.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        // Popped after: "content incomplete" and value errors are raised at the end tag.
        super.endElement(uri, localName, qName);
        open.pop();
    }

    /** The path of the element being read, "/" before the root. */
    String currentPath() {
        if (open.isEmpty()) {
            return "/";
        }
        StringBuilder path = new StringBuilder();
        for (Iterator<Open> it = open.descendingIterator(); it.hasNext(); ) {
            path.append('/').append(it.next().step());
        }
        return path.toString();
    }
}
