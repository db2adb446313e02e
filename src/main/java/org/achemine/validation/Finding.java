package org.achemine.validation;

import java.util.Objects;

/**
 * One problem found in a flow or an invoice: a stable code (from {@link FindingCode} or an official
 * EN 16931 rule id), its severity, the check that produced it, a plain French message a supplier can act
 * on, an optional English message, the text of the rule broken (for official rules) and where.
 */
public record Finding(
        String code,
        Severity severity,
        CheckName source,
        String message,
        String messageEn,
        String ruleText,
        Location location) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        location = location == null ? Location.NONE : location;
    }

    /** A finding from our own catalogue; the message arguments fill the catalogue's templates. */
    public static Finding of(FindingCode code, Location location, Object... arguments) {
        return new Finding(code.code(), code.severity(), code.source(),
                code.messageFr(arguments), code.messageEn(arguments), null, location);
    }

    public boolean isFatal() {
        return severity == Severity.FATAL;
    }
}
