package org.achemine.xml;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * An instant of the platform's clock as the {@code xs:dateTime} our reports write: UTC to the millisecond,
 * {@code yyyy-MM-ddTHH:mm:ss.SSSZ}. Built from the instant's fields, not through a {@code GregorianCalendar} and a
 * time zone looked up per value (that was most of a CPPStatut's build in a burst, issue 16), nor text parsed back.
 * Thread-safe: the JDK's datatype factory keeps no state between calls.
 */
public final class UtcDateTime {

    private static final DatatypeFactory DATATYPES;

    static {
        try {
            DATATYPES = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException("No XML datatype factory", e);
        }
    }

    private UtcDateTime() {
    }

    public static XMLGregorianCalendar of(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return DATATYPES.newXMLGregorianCalendar(utc.getYear(), utc.getMonthValue(), utc.getDayOfMonth(),
                utc.getHour(), utc.getMinute(), utc.getSecond(), utc.getNano() / 1_000_000, 0);
    }
}
