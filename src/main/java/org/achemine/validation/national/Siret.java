package org.achemine.validation.national;

import java.util.Objects;
import java.util.Optional;

/**
 * A French establishment number: 14 digits (the 9-digit SIREN of the company, then a 5-digit NIC) whose
 * Luhn checksum is right. La Poste is the exception (FACTS §4): its establishments (SIREN 356000000) were
 * numbered before the key existed, so for them the sum of the 14 digits must be a multiple of 5 instead;
 * its head office 35600000000048 is an ordinary Luhn number and passes either way.
 */
public record Siret(String value) {

    static final String LA_POSTE_SIREN = "356000000";

    public Siret {
        Objects.requireNonNull(value, "value");
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("A SIRET has 14 digits: " + value);
        }
        if (!hasValidKey(value)) {
            throw new IllegalArgumentException("Wrong SIRET checksum: " + value);
        }
    }

    /** The SIRET in the text (blanks around it ignored), or empty when the text is not a valid SIRET. */
    public static Optional<Siret> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.strip();
        return isWellFormed(candidate) && hasValidKey(candidate) ? Optional.of(new Siret(candidate))
                : Optional.empty();
    }

    /** Exactly 14 ASCII digits. */
    public static boolean isWellFormed(String text) {
        if (text == null || text.length() != 14) {
            return false;
        }
        for (int i = 0; i < 14; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The checksum of a well-formed SIRET: Luhn, or La Poste's digit sum multiple of 5. */
    public static boolean hasValidKey(String digits) {
        if (luhn(digits)) {
            return true;
        }
        return digits.startsWith(LA_POSTE_SIREN) && digitSum(digits) % 5 == 0;
    }

    public String siren() {
        return value.substring(0, 9);
    }

    @Override
    public String toString() {
        return value;
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    private static int digitSum(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += digits.charAt(i) - '0';
        }
        return sum;
    }
}
