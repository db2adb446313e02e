package org.achemine.validation.admissibility;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.achemine.validation.Syntax;

/**
 * The syntax a document's root start tag announces, read from the bytes without a parser: past the XML
 * declaration, comments and processing instructions, the root's name and the namespace its prefix is bound to
 * on it. A guess that only chooses which schema the one parse validates against: the parse checks the root it
 * meets against it and proves nothing when they differ. Anything unusual (a DOCTYPE, a reference in a namespace
 * declaration, a tag cut short) is no guess at all.
 */
final class DeclaredRoot {

    private DeclaredRoot() {
    }

    /** @param offset where the document starts (past a BOM) */
    static Optional<Syntax> syntax(byte[] bytes, int offset) {
        int i = offset;
        int end = bytes.length;
        while (true) {
            i = skipSpace(bytes, i);
            if (i + 1 >= end || bytes[i] != '<') {
                return Optional.empty();
            }
            if (bytes[i + 1] == '?') {
                i = after(bytes, i + 2, "?>");
            } else if (startsWith(bytes, i, "<!--")) {
                i = after(bytes, i + 4, "-->");
            } else if (bytes[i + 1] == '!' || bytes[i + 1] == '/') {
                return Optional.empty(); // a DOCTYPE, or no root at all: admissibility's own pass says what it is
            } else {
                return rootTag(bytes, i + 1);
            }
            if (i < 0) {
                return Optional.empty();
            }
        }
    }

    private static Optional<Syntax> rootTag(byte[] bytes, int start) {
        int i = nameEnd(bytes, start);
        String qName = latin1(bytes, start, i);
        int colon = qName.indexOf(':');
        String wanted = colon < 0 ? "xmlns" : "xmlns:" + qName.substring(0, colon);
        String local = qName.substring(colon + 1);
        String namespace = colon < 0 ? "" : null;
        while (true) {
            i = skipSpace(bytes, i);
            if (i >= bytes.length) {
                return Optional.empty();
            }
            if (bytes[i] == '>' || bytes[i] == '/') {
                return namespace == null ? Optional.empty() : Syntax.of(namespace, local);
            }
            int nameStart = i;
            i = nameEnd(bytes, i);
            String attribute = latin1(bytes, nameStart, i);
            i = skipSpace(bytes, i);
            if (i >= bytes.length || bytes[i] != '=') {
                return Optional.empty();
            }
            i = skipSpace(bytes, i + 1);
            if (i >= bytes.length || (bytes[i] != '"' && bytes[i] != '\'')) {
                return Optional.empty();
            }
            byte quote = bytes[i];
            int valueStart = i + 1;
            int valueEnd = valueStart;
            while (valueEnd < bytes.length && bytes[valueEnd] != quote) {
                if (bytes[valueEnd] == '&' || bytes[valueEnd] == '<') {
                    return Optional.empty();
                }
                valueEnd++;
            }
            if (valueEnd >= bytes.length) {
                return Optional.empty();
            }
            if (attribute.equals(wanted)) {
                namespace = new String(bytes, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8);
            }
            i = valueEnd + 1;
        }
    }

    private static int nameEnd(byte[] bytes, int i) {
        while (i < bytes.length && !isSpace(bytes[i]) && bytes[i] != '>' && bytes[i] != '/' && bytes[i] != '='
                && bytes[i] != '<') {
            i++;
        }
        return i;
    }

    private static int skipSpace(byte[] bytes, int i) {
        while (i < bytes.length && isSpace(bytes[i])) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    /** The index just past the first {@code marker} at or after {@code from}, -1 when there is none. */
    private static int after(byte[] bytes, int from, String marker) {
        for (int i = from; i + marker.length() <= bytes.length; i++) {
            if (startsWith(bytes, i, marker)) {
                return i + marker.length();
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, int at, String ascii) {
        if (at + ascii.length() > bytes.length) {
            return false;
        }
        for (int k = 0; k < ascii.length(); k++) {
            if (bytes[at + k] != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static String latin1(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
