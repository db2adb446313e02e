package org.achemine.validation.xsd;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.function.Consumer;
import org.achemine.validation.Syntax;
import org.achemine.xml.HardenedXml;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Reads the events of the hardened parser (and of the schema validator inside it) and keeps the path of the
 * current element ("/Invoice/cac:InvoiceLine[2]/cac:Price/cbc:PriceAmount"), so that a schema error can say
 * where it is in terms a supplier finds in their file, not only a line number. It runs on every element of every document
 * and a path is wanted only on an error: it keeps a stack of names and positions in reused arrays and builds
 * the string only when asked. One per validation: not thread-safe.
 *
 * <p>The schema validator runs inside the parser, before this filter: it reports an error about an element before
 * the element reaches here. A path asked for an error is therefore given at the next event this filter sees
 * ({@link #whenPathKnown}): the element a start tag opens, else the element still open.
 */
final class ElementPathTracker extends XMLFilterImpl {

    private String[] names = new String[32];
    private int[] positions = new int[32];
    /** The children seen so far of the open element at each depth (index 0: the document's, i.e. the root). */
    private Siblings[] children = new Siblings[33];
    private int depth;
    /** The root a proving parse expects (null: the parse proves nothing, no guard). */
    private Syntax guardedRoot;
    /** What waits for the path of the node the validator has just reported on (errors only: usually empty). */
    private final Queue<Consumer<String>> waiting = new ArrayDeque<>();

    ElementPathTracker(XMLReader parent) {
        super(parent);
    }

    /**
     * Makes this parse one that proves a document well-formed for admissibility: it stops (a {@link NotProven})
     * at a root other than the syntax's, and at an attribute past half the structure limit, which admissibility's
     * own pass then judges and words (the limit itself, and the depth's, the parser enforces).
     */
    void guardFor(Syntax expectedRoot) {
        this.guardedRoot = expectedRoot;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        if (guardedRoot != null) {
            guard(uri, localName, atts);
        }
        String name = qName == null || qName.isEmpty() ? localName : qName;
        if (depth == names.length) {
            names = Arrays.copyOf(names, depth * 2);
            positions = Arrays.copyOf(positions, depth * 2);
            children = Arrays.copyOf(children, depth * 2 + 1);
        }
        names[depth] = name;
        positions[depth] = siblings(depth).count(name);
        depth++;
        siblings(depth).clear();
        // Pushed before the waiting errors are given their path: the validator raised them on this start tag.
        givePaths();
        super.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        // Popped after: "content incomplete" and value errors are raised at the end tag.
        givePaths();
        super.endElement(uri, localName, qName);
        depth--;
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        givePaths();
        super.characters(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        givePaths();
        super.ignorableWhitespace(ch, start, length);
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
        givePaths();
        super.processingInstruction(target, data);
    }

    @Override
    public void endDocument() throws SAXException {
        givePaths();
        super.endDocument();
    }

    /**
     * Hands {@code use} the path of the node the parser is reporting on, once known: at the next event (a start
     * tag's element, else the element open), or at {@link #givePaths()} after a parse that stopped.
     */
    void whenPathKnown(Consumer<String> use) {
        waiting.add(use);
    }

    /** Gives every waiting error the current path (called at each event, and once after the parse). */
    void givePaths() {
        if (waiting.isEmpty()) {
            return;
        }
        String path = currentPath();
        for (Consumer<String> use; (use = waiting.poll()) != null; ) {
            use.accept(path);
        }
    }

    private void guard(String uri, String localName, Attributes atts) throws NotProven {
        if (depth == 0 && !(guardedRoot.namespace().equals(uri) && guardedRoot.rootElement().equals(localName))) {
            throw new NotProven("root {" + uri + "}" + localName + " is not the expected " + guardedRoot);
        }
        for (int i = 0; i < atts.getLength(); i++) {
            if (atts.getValue(i).length() > HardenedXml.MAX_ATTRIBUTE_LENGTH / 2) {
                throw new NotProven("an attribute nears the structure limit");
            }
        }
    }

    /** A guarded parse stopped: the document may be fine, but this parse proves nothing about it. */
    static final class NotProven extends SAXException {

        NotProven(String why) {
            super(why);
        }
    }

    /** The path of the element being read, "/" before the root. */
    String currentPath() {
        if (depth == 0) {
            return "/";
        }
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            path.append('/').append(names[i]);
            if (positions[i] > 1) {
                path.append('[').append(positions[i]).append(']');
            }
        }
        return path.toString();
    }

    private Siblings siblings(int at) {
        Siblings seen = children[at];
        if (seen == null) {
            seen = new Siblings();
            children[at] = seen;
        }
        return seen;
    }

    /**
     * How many children of each name one element has had so far. Invoices give an element a few dozen distinct
     * child names at most, so a linear scan beats hashing; past {@value #SCANNED} names (a hostile file's
     * thousands of distinct names) a map takes over. The arrays are reused from one element to the next.
     */
    private static final class Siblings {

        private static final int SCANNED = 32;

        private final String[] names = new String[SCANNED];
        private final int[] counts = new int[SCANNED];
        private int size;
        private Map<String, Integer> many;

        /** Counts one more child of this name; returns its position among the children of that name (1-based). */
        int count(String name) {
            for (int i = size - 1; i >= 0; i--) {
                // the parser hands the same name string from its symbol table: identity first, equals to be sure
                if (names[i] == name || names[i].equals(name)) {
                    return ++counts[i];
                }
            }
            if (size < SCANNED) {
                names[size] = name;
                counts[size] = 1;
                size++;
                return 1;
            }
            if (many == null) {
                many = new HashMap<>();
            }
            return many.merge(name, 1, Integer::sum);
        }

        void clear() {
            Arrays.fill(names, 0, size, null);
            size = 0;
            many = null;
        }
    }
}
