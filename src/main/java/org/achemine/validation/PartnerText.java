package org.achemine.validation;

/**
 * How a partner's own text (a file or entry name, a value quoted in a message) is shown in what we write:
 * every character XML 1.0 cannot carry, every control character and every bidirectional control (U+202E
 * right-to-left override and its kin, which make a reader see another name than the real one) is written as
 * {@code \\uXXXX}; past a maximum length the text is cut and says how long it was. The text stays
 * recognisable, the report stays valid and proportionate, and nothing in it can reorder what a reader sees.
 */
public final class PartnerText {

    /** Names longer than this are cut in reports (the archive and the database keep what they can store). */
    public static final int MAX_SHOWN = 1024;

    private PartnerText() {
    }

    public static String shown(String text) {
        return shown(text, MAX_SHOWN);
    }

    /** @param max most characters of the original shown before it is cut */
    public static String shown(String text, int max) {
        if (text.length() <= max && allShownAsIs(text)) {
            return text; // what nearly every text is: a report writes several per finding
        }
        boolean cut = text.length() > max;
        String kept = cut ? text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max) : text;
        StringBuilder safe = new StringBuilder(kept.length() + 16);
        kept.codePoints().forEach(c -> {
            if (isShownAsIs(c)) {
                safe.appendCodePoint(c);
            } else {
                safe.append(String.format("\\u%04X", c));
            }
        });
        if (cut) {
            safe.append("… (").append(text.length()).append(" caractères)");
        }
        return safe.toString();
    }

    private static boolean allShownAsIs(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7F) { // past plain printable ASCII: decided per code point
                return text.codePoints().allMatch(PartnerText::isShownAsIs);
            }
        }
        return true;
    }

    /** Tab and line breaks stay (XML allows them); C0 and C1 controls, bidi controls and non-characters do not. */
    static boolean isShownAsIs(int c) {
        if (c == 0x9 || c == 0xA || c == 0xD) {
            return true;
        }
        boolean xml10 = (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
        return xml10 && !(c >= 0x7F && c <= 0x9F) && !isBidiControl(c);
    }

    /** ALM, LRM, RLM, LRE…RLO (U+202A–U+202E), LRI…PDI (U+2066–U+2069). */
    public static boolean isBidiControl(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
