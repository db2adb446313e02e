package org.achemine.directory;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** How directory exports spell booleans, numbers and dates; each parse names the column when it fails. */
final class DirectoryValues {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private DirectoryValues() {
    }

    /** true/false, oui/non, o/n, yes/no, 1/0 (any case); empty is false unless the column is required. */
    static boolean flag(CsvRow row, String column, boolean required) {
        String value = row.get(column).toLowerCase(Locale.ROOT);
        switch (value) {
            case "true", "vrai", "oui", "o", "yes", "y", "1":
                return true;
            case "false", "faux", "non", "n", "no", "0":
                return false;
            case "":
                if (!required) {
                    return false;
                }
                throw new MalformedRowException(row, "colonne " + column + " vide (attendu true/false, oui/non ou 1/0)");
            default:
                throw new MalformedRowException(row, "colonne " + column + " : valeur « " + row.get(column)
                        + " » non reconnue (attendu true/false, oui/non ou 1/0)");
        }
    }

    /** A date as yyyy-MM-dd or dd/MM/yyyy; null when empty. */
    static LocalDate date(CsvRow row, String column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return value.contains("/") ? LocalDate.parse(value, FRENCH_DATE) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedRowException(row, "colonne " + column + " : date « " + value
                    + " » illisible (attendu AAAA-MM-JJ ou JJ/MM/AAAA)");
        }
    }

    static String required(CsvRow row, String column, int maxLength) {
        String value = row.get(column);
        if (value.isEmpty()) {
            throw new MalformedRowException(row, "colonne " + column + " vide");
        }
        return bounded(row, column, value, maxLength);
    }

    static String optional(CsvRow row, String column, int maxLength) {
        String value = row.get(column);
        return value.isEmpty() ? null : bounded(row, column, value, maxLength);
    }

    private static String bounded(CsvRow row, String column, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw new MalformedRowException(row, "colonne " + column + " : " + value.length()
                    + " caractères, au-delà de " + maxLength);
        }
        return value;
    }
}
