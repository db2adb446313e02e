package org.achemine.console;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How the console's pages write times and statuses ({@code ${@consoleFormat.utc(t)}}): the platform records UTC;
 * the pages also show the operator's local time, named, so nobody guesses the zone.
 */
public class ConsoleFormat {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'")
            .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private final DateTimeFormatter local;

    public ConsoleFormat(ZoneId zone) {
        this.local = LOCAL.withZone(zone);
    }

    public String utc(Instant instant) {
        return instant == null ? "–" : UTC.format(instant);
    }

    public String local(Instant instant) {
        return instant == null ? "–" : local.format(instant);
    }

    /** "Mise à disposition du destinataire" for 03; the code alone when unknown. */
    public String status(String code) {
        return ConsoleQueries.statusLabel(code);
    }

    /** The batch tables' times, written by the JVM in its own zone (Spring Batch's LocalDateTime). */
    public String job(LocalDateTime time) {
        return time == null ? "–" : LOCAL.format(time);
    }
}
