package org.achemine.validation;

import java.util.List;
import java.util.stream.Stream;

/**
 * Everything validation learnt about one document: its syntax (null when not recognised), the result of
 * every check in pipeline order (SKIPPED included) and, when it could be read, its business facts.
 */
public record DocumentVerdict(String name, Syntax syntax, List<CheckResult> checks, InvoiceFacts facts) {

    public DocumentVerdict {
        checks = List.copyOf(checks);
    }

    public Stream<Finding> findings() {
        return checks.stream().flatMap(c -> c.findings().stream());
    }

    public boolean hasFatal() {
        return findings().anyMatch(Finding::isFatal);
    }

    /** This verdict with more admissibility findings (its first check), e.g. what its container says of it. */
    public DocumentVerdict withAdmissibilityFindings(List<Finding> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<CheckResult> all = new java.util.ArrayList<>(checks);
        CheckResult admitted = all.get(0);
        List<Finding> findings = new java.util.ArrayList<>(more);
        findings.addAll(admitted.findings());
        all.set(0, CheckResult.of(admitted.check(), findings, admitted.duration()));
        return new DocumentVerdict(name, syntax, all, facts);
    }

    public boolean hasError() {
        return checks.stream().anyMatch(c -> c.outcome() == Outcome.ERROR);
    }
}
