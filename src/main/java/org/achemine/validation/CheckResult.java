package org.achemine.validation;

import java.time.Duration;
import java.util.List;

/** The immutable result of one check on one document. */
public record CheckResult(CheckName check, Outcome outcome, List<Finding> findings, Duration duration) {

    public CheckResult {
        findings = List.copyOf(findings);
        duration = duration == null ? Duration.ZERO : duration;
    }

    /** A check that ran: INVALID when any finding is fatal, VALID otherwise (warnings never invalidate). */
    public static CheckResult of(CheckName check, List<Finding> findings, Duration duration) {
        boolean fatal = findings.stream().anyMatch(Finding::isFatal);
        return new CheckResult(check, fatal ? Outcome.INVALID : Outcome.VALID, findings, duration);
    }

    public static CheckResult skipped(CheckName check) {
        return new CheckResult(check, Outcome.SKIPPED, List.of(), Duration.ZERO);
    }

    public static CheckResult error(CheckName check, Finding incident, Duration duration) {
        return new CheckResult(check, Outcome.ERROR, List.of(incident), duration);
    }

    public boolean passed() {
        return outcome == Outcome.VALID;
    }
}
