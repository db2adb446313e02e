package org.achemine.validation.attachment;

import java.util.Objects;

/**
 * One additional document an invoice carries, as the supplier declared it.
 *
 * @param rank         1-based, in document order (the Factur-X PDF's own embedded files after the XML's)
 * @param where        where it sits, for messages: {@code cac:AdditionalDocumentReference},
 *                     {@code ram:AdditionalReferencedDocument} or {@code PDF}
 * @param fileName     the declared file name ({@code filename} attribute, PDF file specification), null if absent
 * @param declaredType the declared MIME type ({@code mimeCode}, the PDF stream's {@code Subtype}), null if absent
 * @param description  the document's own description or id, may be null (the pivot's {@code CategoriePJ})
 * @param content      the decoded bytes; null when they could not be decoded ({@code undecodable} says why)
 * @param size         the decoded size in bytes; when not decoded (over the limit), the size it would decode to
 * @param undecodable  why the content could not be decoded, null when it was
 */
public record Attachment(int rank, String where, String fileName, String declaredType, String description,
                         byte[] content, long size, String undecodable) {

    public Attachment {
        Objects.requireNonNull(where, "where");
    }

    public boolean decoded() {
        return content != null;
    }
}
