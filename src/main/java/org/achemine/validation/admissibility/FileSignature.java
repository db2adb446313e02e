package org.achemine.validation.admissibility;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What a file really is, told from its first bytes ("magic numbers"), whatever its name says. Used to refuse
 * a PDF named .xml, to spot an archive hidden inside an archive, and to say in the report what was found.
 */
enum FileSignature {
    ZIP("archive ZIP"),
    GZIP("fichier compressé gzip"),
    TAR("archive tar non compressée"),
    SEVEN_ZIP("archive 7-Zip"),
    RAR("archive RAR"),
    BZIP2("fichier compressé bzip2"),
    XZ("fichier compressé xz"),
    PDF("document PDF"),
    PNG("image PNG"),
    JPEG("image JPEG"),
    GIF("image GIF"),
    OFFICE_LEGACY("document Microsoft Office (ancien format)"),
    EXECUTABLE("programme exécutable"),
    /** Starts with '<' once an optional UTF-8 BOM and white space are skipped. */
    XML("XML"),
    /** A UTF-16 or UTF-32 BOM, or UTF-16 '<' without one: XML in an encoding we refuse (the XML check says so). */
    XML_WIDE("texte UTF-16/UTF-32"),
    UNKNOWN("contenu qui ne commence pas par « < » (ce n'est pas du XML)");

    /** How many bytes {@link #detect} looks at: enough for the tar header's "ustar" at offset 257. */
    static final int HEAD_SIZE = 512;

    private final String description;

    FileSignature(String description) {
        this.description = description;
    }

    /** What was found, in French, for a report. */
    String description() {
        return description;
    }

    boolean isArchive() {
        return this == ZIP || this == GZIP || this == TAR || this == SEVEN_ZIP || this == RAR || this == BZIP2
                || this == XZ;
    }

    /** Reads at most {@link #HEAD_SIZE} bytes of the file: never more. */
    static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_SIZE);
        }
    }

    static FileSignature detect(byte[] head) {
        return detect(head, head.length);
    }

    static FileSignature detect(byte[] bytes, int length) {
        int n = Math.min(length, bytes.length);
        if (startsWith(bytes, n, 'P', 'K', 3, 4) || startsWith(bytes, n, 'P', 'K', 5, 6)
                || startsWith(bytes, n, 'P', 'K', 7, 8)) {
            return ZIP;
        }
        if (startsWith(bytes, n, 0x1f, 0x8b)) {
            return GZIP;
        }
        if (startsWith(bytes, n, '%', 'P', 'D', 'F')) {
            return PDF;
        }
        if (startsWith(bytes, n, '7', 'z', 0xbc, 0xaf, 0x27, 0x1c)) {
            return SEVEN_ZIP;
        }
        if (startsWith(bytes, n, 'R', 'a', 'r', '!', 0x1a, 0x07)) {
            return RAR;
        }
        if (startsWith(bytes, n, 'B', 'Z', 'h')) {
            return BZIP2;
        }
        if (startsWith(bytes, n, 0xfd, '7', 'z', 'X', 'Z', 0)) {
            return XZ;
        }
        if (startsWith(bytes, n, 0x89, 'P', 'N', 'G')) {
            return PNG;
        }
        if (startsWith(bytes, n, 0xff, 0xd8, 0xff)) {
            return JPEG;
        }
        if (startsWith(bytes, n, 'G', 'I', 'F', '8')) {
            return GIF;
        }
        if (startsWith(bytes, n, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
            return OFFICE_LEGACY;
        }
        if (startsWith(bytes, n, 'M', 'Z') || startsWith(bytes, n, 0x7f, 'E', 'L', 'F')) {
            return EXECUTABLE;
        }
        if (n >= 262 && Arrays.equals(bytes, 257, 262, new byte[] {'u', 's', 't', 'a', 'r'}, 0, 5)) {
            return TAR;
        }
        if (startsWith(bytes, n, 0xfe, 0xff) || startsWith(bytes, n, 0xff, 0xfe) || startsWith(bytes, n, 0, 0, 0xfe, 0xff)
                || startsWith(bytes, n, 0, '<') || startsWith(bytes, n, '<', 0)) {
            return XML_WIDE;
        }
        int i = startsWith(bytes, n, 0xef, 0xbb, 0xbf) ? 3 : 0;
        while (i < n && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        return i < n && bytes[i] == '<' ? XML : UNKNOWN;
    }

    private static boolean startsWith(byte[] bytes, int length, int... prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
