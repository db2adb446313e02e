package org.achemine.validation.attachment;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * What an attachment really is, from its first bytes (its magic number), whatever its name or declared type
 * say: a declared PDF that starts like a Windows program is an executable. Stateless and thread-safe.
 */
public final class ContentSniffer {

    /** What the content was recognised as; {@code label} is shown to suppliers. */
    public enum Sniffed {
        PDF("un PDF"),
        PNG("une image PNG"),
        JPEG("une image JPEG"),
        ZIP_CONTAINER("une archive ZIP (ou un document bureautique XLSX, ODS, DOCX)"),
        TEXT("du texte"),
        EXECUTABLE("un programme exécutable"),
        OTHER("un contenu binaire d'un autre type");

        private final String label;

        Sniffed(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[][] EXECUTABLES = {
            {'M', 'Z'},                                                  // Windows PE / DOS
            {0x7F, 'E', 'L', 'F'},                                       // Linux ELF
            {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE},        // Mach-O universal, Java class
            {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE},        // Mach-O 64-bit
            {(byte) 0xCE, (byte) 0xFA, (byte) 0xED, (byte) 0xFE},        // Mach-O 32-bit
            {'#', '!'},                                                  // a script run by its interpreter
    };
    private static final int TEXT_PROBE = 8192;

    public Sniffed sniff(byte[] content) {
        if (startsWith(content, PDF)) {
            return Sniffed.PDF;
        }
        if (startsWith(content, PNG)) {
            return Sniffed.PNG;
        }
        if (startsWith(content, JPEG)) {
            return Sniffed.JPEG;
        }
        if (startsWith(content, ZIP)) {
            return Sniffed.ZIP_CONTAINER;
        }
        for (byte[] magic : EXECUTABLES) {
            if (startsWith(content, magic)) {
                return Sniffed.EXECUTABLE;
            }
        }
        return isText(content) ? Sniffed.TEXT : Sniffed.OTHER;
    }

    /** Which content each accepted MIME type must have; a type not listed is not compared. */
    public static Set<Sniffed> expectedFor(String mimeType) {
        return switch (mimeType.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "application/pdf" -> Set.of(Sniffed.PDF);
            case "image/png" -> Set.of(Sniffed.PNG);
            case "image/jpeg" -> Set.of(Sniffed.JPEG);
            case "text/csv", "text/plain" -> Set.of(Sniffed.TEXT);
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 "application/vnd.oasis.opendocument.spreadsheet",
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 "application/vnd.oasis.opendocument.text", "application/zip" -> Set.of(Sniffed.ZIP_CONTAINER);
            default -> Set.of();
        };
    }

    /** UTF-8 without control characters other than tab and line breaks, judged on the first bytes. */
    private static boolean isText(byte[] content) {
        int length = Math.min(content.length, TEXT_PROBE);
        for (int i = 0; i < length; i++) {
            int b = content[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' || b == 0x7F) {
                return false;
            }
        }
        // a probe cut inside a multi-byte character is still text: the decoder is told more input may follow
        CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content, 0, length), CharBuffer.allocate(length), length == content.length);
        return !result.isError();
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
