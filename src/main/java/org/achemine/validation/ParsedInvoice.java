package org.achemine.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import org.achemine.xml.HardenedXml;

/**
 * A document that passed admissibility: well-formed UTF-8 XML of a known {@link Syntax}. Its Saxon tree is
 * built once, on first use, and shared by the checks that need it (EN 16931, national rules, facts).
 * Not thread-safe: one document is validated by one thread.
 */
public final class ParsedInvoice {

    private final InvoiceDocument document;
    private final Syntax syntax;
    private XdmNode tree;
    /** Values the checks derive from the tree and share (one or two per document: a list beats a map). */
    private final List<Object> derived = new ArrayList<>(2);

    public ParsedInvoice(InvoiceDocument document, Syntax syntax) {
        this.document = document;
        this.syntax = syntax;
    }

    public InvoiceDocument document() {
        return document;
    }

    public Syntax syntax() {
        return syntax;
    }

    public byte[] bytes() {
        return document.bytes();
    }

    public String name() {
        return document.name();
    }

    /**
     * Hands over a tree already built from these bytes by a check that parsed them anyway (the XSD check
     * builds it from the validator's events), so the document is parsed once.
     */
    public void useTree(XdmNode built) {
        if (tree == null) {
            tree = built;
        }
    }

    /** Saxon's native tree of the document, built from the bytes through the hardened parser. */
    public XdmNode tree() throws SaxonApiException {
        if (tree == null) {
            tree = HardenedXml.buildTree(document.bytes(), document.name());
        }
        return tree;
    }

    /**
     * A value derived from this document (e.g. its business terms, which the national rules and the invoice
     * facts both read), computed on first use and kept: each check asks, the first one pays.
     *
     * @param type the value's own type, one per kind of derived value
     */
    public <T, E extends Exception> T derived(Class<T> type, Derivation<T, E> derivation) throws E {
        Optional<T> kept = derivedIfKept(type);
        if (kept.isPresent()) {
            return kept.get();
        }
        T value = derivation.derive();
        derived.add(value);
        return value;
    }

    /** A value derived from this document and kept, if one of that type was. */
    public <T> Optional<T> derivedIfKept(Class<T> type) {
        for (Object value : derived) {
            if (type.isInstance(value)) {
                return Optional.of(type.cast(value));
            }
        }
        return Optional.empty();
    }

    /** How a derived value is computed from the document. */
    @FunctionalInterface
    public interface Derivation<T, E extends Exception> {
        T derive() throws E;
    }
}
