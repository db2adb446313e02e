package org.achemine.validation.attachment;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.achemine.xml.HardenedXml;

/**
 * Reads the attachments a UBL or CII invoice embeds: UBL {@code cac:AdditionalDocumentReference} with
 * {@code cac:Attachment/cbc:EmbeddedDocumentBinaryObject}, CII {@code ram:AdditionalReferencedDocument} with
 * {@code ram:AttachmentBinaryObject} (attributes {@code mimeCode} and {@code filename}). Streams the document
 * with the hardened parser, unless no binary element's name is in its bytes at all; an attachment whose base64 text is over the size limit is counted, not kept.
 * Base64 is decoded strictly (only line breaks and spaces tolerated): a character outside the alphabet refuses
 * the attachment rather than being skipped. Stateless and thread-safe.
 */
public final class AttachmentReader {

    private static final String UBL_REFERENCE = "AdditionalDocumentReference";
    private static final String CII_REFERENCE = "AdditionalReferencedDocument";
    private static final String UBL_BINARY = "EmbeddedDocumentBinaryObject";
    private static final String CII_BINARY = "AttachmentBinaryObject";

    private static final byte[] UBL_BINARY_BYTES = UBL_BINARY.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CII_BINARY_BYTES = CII_BINARY.getBytes(StandardCharsets.US_ASCII);

    private final long maxSize;

    /** @param maxSize the largest decoded attachment kept in memory (the limit checked afterwards) */
    public AttachmentReader(long maxSize) {
        this.maxSize = maxSize;
    }

    /**
     * The document's embedded attachments, in document order; empty for a document that is not well-formed
     * (admissibility refuses it already).
     */
    public List<Attachment> read(byte[] xml) {
        if (!mentions(xml, UBL_BINARY_BYTES) && !mentions(xml, CII_BINARY_BYTES)) {
            // An element's name is written out in the bytes (a DTD, whose entities could spell one, is refused before
            // we are called): without either binary element's name there is no attachment, and no parse to pay for.
            return List.of();
        }
        List<Attachment> found = new ArrayList<>();
        try {
            XMLStreamReader reader = HardenedXml.xmlInputFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                Reference reference = null;
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamReader.START_ELEMENT) {
                        String name = reader.getLocalName();
                        if (UBL_REFERENCE.equals(name) || CII_REFERENCE.equals(name)) {
                            reference = new Reference(UBL_REFERENCE.equals(name) ? "cac:" + name : "ram:" + name);
                        } else if (reference != null && (UBL_BINARY.equals(name) || CII_BINARY.equals(name))) {
                            reference.fileName = reader.getAttributeValue(null, "filename");
                            reference.mimeCode = reader.getAttributeValue(null, "mimeCode");
                            reference.binary = true;
                            readBase64(reader, reference);
                        } else if (reference != null && isDescription(name)) {
                            reference.describe(name, reader.getElementText().trim());
                        }
                    } else if (event == XMLStreamReader.END_ELEMENT && reference != null
                            && (UBL_REFERENCE.equals(reader.getLocalName()) || CII_REFERENCE.equals(reader.getLocalName()))) {
                        if (reference.binary) {
                            found.add(reference.attachment(found.size() + 1));
                        }
                        reference = null;
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | RuntimeException unreadable) {
            return List.copyOf(found);
        }
        return List.copyOf(found);
    }

    /** True when these bytes hold this ASCII name anywhere. */
    static boolean mentions(byte[] xml, byte[] name) {
        byte first = name[0];
        for (int i = 0, last = xml.length - name.length; i <= last; i++) {
            if (xml[i] == first && Arrays.equals(xml, i, i + name.length, name, 0, name.length)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDescription(String name) {
        return "ID".equals(name) || "DocumentDescription".equals(name) || "IssuerAssignedID".equals(name)
                || "Name".equals(name);
    }

    /** The element's text, whitespace dropped, kept while within the limit (base64: 4 characters per 3 bytes). */
    private void readBase64(XMLStreamReader reader, Reference reference) throws XMLStreamException {
        long keepUpTo = maxSize / 3 * 4 + 4;
        StringBuilder text = new StringBuilder();
        long count = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamReader.CHARACTERS || event == XMLStreamReader.CDATA
                    || event == XMLStreamReader.SPACE) {
                char[] chars = reader.getTextCharacters();
                int end = reader.getTextStart() + reader.getTextLength();
                for (int i = reader.getTextStart(); i < end; i++) {
                    char c = chars[i];
                    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                        continue;
                    }
                    count++;
                    if (count <= keepUpTo) {
                        text.append(c);
                    }
                }
            } else if (event == XMLStreamReader.START_ELEMENT) {
                reference.undecodable = "un élément XML au lieu de texte base64";
            } else if (event == XMLStreamReader.END_ELEMENT) {
                break;
            }
        }
        reference.encodedSize = count;
        if (reference.undecodable != null || count > keepUpTo) {
            return; // over the limit: sized, never decoded
        }
        try {
            reference.content = Base64.getDecoder().decode(text.toString());
        } catch (IllegalArgumentException bad) {
            reference.undecodable = "base64 invalide (" + bad.getMessage() + ")";
        }
    }

    /** What one reference element said, gathered while it is read. */
    private static final class Reference {
        final String where;
        String id;
        String description;
        String fileName;
        String mimeCode;
        boolean binary;
        byte[] content;
        long encodedSize;
        String undecodable;

        Reference(String where) {
            this.where = where;
        }

        void describe(String element, String text) {
            if (text.isEmpty()) {
                return;
            }
            if ("DocumentDescription".equals(element) || "Name".equals(element)) {
                description = text;
            } else if (id == null) {
                id = text;
            }
        }

        Attachment attachment(int rank) {
            return new Attachment(rank, where, fileName, mimeCode, description != null ? description : id, content,
                    content != null ? content.length : encodedSize / 4 * 3, undecodable);
        }
    }
}
