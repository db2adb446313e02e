package org.achemine.validation;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A processing fault on our side (a check that broke, a disk that failed): logged once with an id that
 * the report quotes, so the operator can find the stack trace from what the supplier tells them.
 */
public final class Incident {

    private static final Logger LOG = LoggerFactory.getLogger(Incident.class);

    private Incident() {
    }

    /** Logs the fault and returns the finding that reports it. */
    public static Finding report(CheckName during, String subject, Exception cause) {
        String id = log("the " + during.token() + " check", subject, cause);
        Finding generic = Finding.of(FindingCode.ERR_TECHNIQUE, Location.NONE, during.token(), id);
        return new Finding(generic.code(), generic.severity(), during, generic.message(), generic.messageEn(),
                null, Location.NONE);
    }

    /**
     * Logs a fault met outside the checks (taking a file, writing a report) and returns its new id.
     *
     * @param activity what was being done, e.g. "taking the file"
     * @param subject  what it was done to, e.g. a flow id or a path
     */
    public static String log(String activity, String subject, Throwable cause) {
        String id = "INC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        LOG.error("Incident {} during {} of {}", id, activity, subject, cause);
        return id;
    }
}
