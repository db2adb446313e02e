package org.achemine.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.qualification.Environment;

/** How the query commands print times, statuses and missing values: the same way in every command. */
final class QueryOutput {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** Width of a status column: the longest "code label" (04's label is 58 characters). */
    static final int STATUS_WIDTH = Arrays.stream(InvoiceStatus.values())
            .mapToInt(s -> s.code().length() + 1 + s.label().length()).max().orElse(0);

    private QueryOutput() {
    }

    static String time(Instant instant) {
        return instant == null ? "-" : UTC.format(instant);
    }

    /** "03 Mise à disposition du destinataire"; an unknown code is printed as it is. */
    static String status(String code) {
        if (code == null) {
            return "-";
        }
        try {
            return code + " " + InvoiceStatus.ofCode(code).label();
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }

    /** In place of a status, for an invoice refused at integration (it has none). */
    static String refused(String refusalCode) {
        return "refusée à l'intégration : " + refusalCode;
    }

    /** A status padded to {@link #STATUS_WIDTH}, for tables. */
    static String statusCell(String code) {
        return statusHeader(status(code));
    }

    /** A column title padded like {@link #statusCell}. */
    static String statusHeader(String title) {
        return String.format("%-" + STATUS_WIDTH + "s", title);
    }

    static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }

    /** One "label : value" line, labels aligned. */
    /** The marker every query shows (ADR 0025). */
    static String environment(boolean qualification) {
        return Environment.of(qualification).label();
    }

    /** {@code --environment production|qualification}, or null for both. */
    static Environment environmentFilter(String said) {
        try {
            return Environment.parse(said);
        } catch (IllegalArgumentException unknown) {
            throw new CommandFailure(unknown.getMessage() + " (option --environment)");
        }
    }

    static void field(String label, Object value) {
        System.out.printf("  %-28s %s%n", label, orDash(value));
    }
}
