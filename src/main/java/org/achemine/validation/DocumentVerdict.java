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

    public boolean hasError() {
        return checks.stream().anyMatch(c -> c.outcome() == Outcome.ERROR);
    }
}
