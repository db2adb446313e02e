package org.achemine.directory;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the two files of one directory drop are named: the same name but for the word {@code structures} or
 * {@code services} ({@code annuaire-2026-11-02-structures.csv} with {@code annuaire-2026-11-02-services.csv}).
 * What is left once that word is taken out names the drop; a date in it ({@code 2026-11-02},
 * {@code 20261102}, optionally followed by a time {@code T0130}) dates the export.
 */
final class DirectoryDropNames {

    static final String STRUCTURES = "structures";
    static final String SERVICES = "services";

    // A date not glued to other digits (a nano-time stamp is not a date), then optionally hours and minutes.
    private static final Pattern STAMP = Pattern.compile(
            "(?<!\\d)(\\d{4})-?(\\d{2})-?(\\d{2})(?:[T_-]?(\\d{2})[h:-]?(\\d{2})(?:[:-]?(\\d{2}))?)?(?!\\d)");

    private DirectoryDropNames() {
    }

    /** {@code structures}, {@code services}, or empty for a file that is neither (or both). */
    static Optional<String> kindOf(Path file) {
        String name = lowerName(file);
        if (!name.endsWith(".csv") || name.startsWith(".")) {
            return Optional.empty();
        }
        boolean structures = name.contains(STRUCTURES);
        boolean services = name.contains(SERVICES);
        return structures == services ? Optional.empty() : Optional.of(structures ? STRUCTURES : SERVICES);
    }

    /** The drop a file belongs to: its name without the kind word, e.g. {@code annuaire-2026-11-02-.csv}. */
    static String dropOf(Path file) {
        String name = lowerName(file);
        return kindOf(file).map(kind -> name.replaceFirst(kind, "")).orElse(name);
    }

    /** The name the other file of the drop must have. */
    static String partnerName(Path file) {
        String name = file.getFileName().toString();
        String kind = kindOf(file).orElseThrow();
        String other = kind.equals(STRUCTURES) ? SERVICES : STRUCTURES;
        int at = name.toLowerCase(Locale.ROOT).indexOf(kind);
        return name.substring(0, at) + other + name.substring(at + kind.length());
    }

    /** The export's date and time written in the drop's name, read as UTC; empty when there is none. */
    static Optional<Instant> stampOf(String drop) {
        Matcher stamp = STAMP.matcher(drop);
        while (stamp.find()) {
            try {
                LocalDateTime at = LocalDateTime.of(Integer.parseInt(stamp.group(1)), Integer.parseInt(stamp.group(2)),
                        Integer.parseInt(stamp.group(3)), number(stamp.group(4)), number(stamp.group(5)),
                        number(stamp.group(6)));
                if (at.getYear() >= 2000 && at.getYear() < 3000) {
                    return Optional.of(at.toInstant(ZoneOffset.UTC));
                }
            } catch (DateTimeException notADate) {
                // digits that only look like a date (month 13...): try the next match
            }
        }
        return Optional.empty();
    }

    private static int number(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    private static String lowerName(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT);
    }
}
