package org.achemine.validation.facturx;

import java.util.Objects;

/**
 * The invoice a Factur-X PDF carries, and what the PDF says about it.
 *
 * @param fileName         the embedded file's name ({@code factur-x.xml} or an older name)
 * @param xml              its bytes, decoded from the PDF stream, never re-encoded
 * @param relationship     the file specification's {@code AFRelationship} (Data, Alternative, Source...), null if absent
 * @param conformanceLevel the XMP metadata's {@code fx:ConformanceLevel}, null if the PDF has none
 */
public record EmbeddedInvoice(String fileName, byte[] xml, String relationship, String conformanceLevel) {

    public EmbeddedInvoice {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(xml, "xml");
    }
}
