package org.achemine.validation.admissibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The admissibility check's UTF-8 scan accepts exactly what the JDK's strict decoder accepts (the decoder, which
 * it spares accepted documents, still words the finding for the others).
 */
class Utf8ScanTest {

    /** A third or fourth byte: ASCII, the first and last continuation bytes, the first byte past them. */
    private static final int[] EDGES = {0x41, 0x80, 0xbf, 0xc0};

    @Test
    void agreesWithTheDecoderOnEveryLeadByteAndTheEdgesOfItsContinuations() {
        // given every lead byte, every second byte and the edge values of a third and a fourth, in the middle of
        // text and cut off at the end of the document
        int compared = 0;
        List<String> disagreements = new ArrayList<>();
        for (int lead = 0x80; lead <= 0xff; lead++) {
            for (int second = 0; second <= 0xff; second++) {
                for (int third : EDGES) {
                    for (int fourth : EDGES) {
                        byte[] inText = {'<', (byte) lead, (byte) second, (byte) third, (byte) fourth, '>'};
                        if (XmlAdmissibilityCheck.wellFormedUtf8(inText, 0) != decodes(inText)) {
                            disagreements.add(String.format("%02x %02x %02x %02x", lead, second, third, fourth));
                        }
                        compared++;
                    }
                }
                byte[] cutOff = {'<', (byte) lead, (byte) second};
                if (XmlAdmissibilityCheck.wellFormedUtf8(cutOff, 0) != decodes(cutOff)) {
                    disagreements.add(String.format("%02x %02x at the end", lead, second));
                }
            }
        }
        // then the scan and the decoder agree on every one
        assertThat(disagreements).isEmpty();
        assertThat(compared).isEqualTo(128 * 256 * EDGES.length * EDGES.length);
    }

    @Test
    void agreesWithTheDecoderOnSeededRandomTextAndFromAnOffset() {
        // given random buffers mostly of valid UTF-8 text with, now and then, one byte changed (a fixed seed)
        Random random = new Random(16);
        int disagreements = 0;
        String alphabet = "aé€𝄞<>&; Zürich Île-de-France ½";
        for (int round = 0; round < 5_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            if (bytes.length > 0 && random.nextBoolean()) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            int offset = bytes.length == 0 ? 0 : random.nextInt(Math.min(bytes.length, 3) + 1);
            // then the scan and the decoder agree, from the offset too (after a BOM)
            byte[] from = java.util.Arrays.copyOfRange(bytes, offset, bytes.length);
            if (XmlAdmissibilityCheck.wellFormedUtf8(bytes, offset) != decodes(from)) {
                disagreements++;
            }
        }
        assertThat(disagreements).isZero();
    }

    private static boolean decodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }
}
