package org.achemine.console;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How the console's pages write times ({@code ${@consoleTimes.utc(t)}}): the platform records UTC; the page
 * also shows the operator's local time, named, so nobody guesses the zone.
 */
public class ConsoleTimes {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final DateTimeFormatter local;

    public ConsoleTimes(ZoneId zone) {
        this.local = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(zone);
    }

    public String utc(Instant instant) {
        return instant == null ? "–" : UTC.format(instant);
    }

    public String local(Instant instant) {
        return instant == null ? "–" : local.format(instant);
    }

    /** The batch tables' times, written by the JVM in its own zone (Spring Batch's LocalDateTime). */
    public String job(LocalDateTime time) {
        return time == null ? "–" : time.toString().replace('T', ' ');
    }
}
