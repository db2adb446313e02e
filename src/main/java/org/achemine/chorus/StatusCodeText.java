package org.achemine.chorus;

/**
 * The lexical form of {@code IdStatut}: two digits ("03", "07", "90"). AIFE's schema types it as an integer, so
 * "3" would be valid, but every Chorus file and reader uses the two-digit form. The JAXB binding
 * ({@code src/main/jaxb/chorus-statut.xjb}) maps both {@code IdStatut} elements to a {@code String} through these
 * two methods; the lifecycle's status file reader uses {@link #parse} too.
 */
public final class StatusCodeText {

    private StatusCodeText() {
    }

    /** Writes a status code on two digits; anything else is a programming error, refused before it is written. */
    public static String print(String status) {
        String code = parse(status);
        if (code == null || code.length() != 2 || !digitsOnly(code)) {
            throw new IllegalArgumentException("IdStatut is a code of two digits: " + status);
        }
        return code;
    }

    /**
     * Reads a status code: 7, 07 and 007 are the same valid integer and read as "07". Anything not a number is
     * returned as it came, for the schema's check to name.
     */
    public static String parse(String text) {
        if (text == null) {
            return null;
        }
        String status = text.strip();
        if (status.isEmpty() || !digitsOnly(status)) {
            return status;
        }
        int firstSignificant = 0;
        while (firstSignificant < status.length() && status.charAt(firstSignificant) == '0') {
            firstSignificant++;
        }
        String significant = status.substring(firstSignificant);
        return significant.length() <= 2 ? "0".repeat(2 - significant.length()) + significant : significant;
    }

    /** ASCII digits only, as {@code [0-9]+} (written out: every CPPStatut written passes here, twice). */
    private static boolean digitsOnly(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
