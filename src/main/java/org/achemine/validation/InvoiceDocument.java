package org.achemine.validation;

import java.util.Objects;

/**
 * One XML document to validate: a single-invoice flow, or one entry of a batch flow.
 * The bytes are the original ones, never re-encoded.
 */
public record InvoiceDocument(String name, byte[] bytes) {

    public InvoiceDocument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
    }

    public int size() {
        return bytes.length;
    }
}
