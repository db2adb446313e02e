package org.achemine.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a verification found: counts (flows, reports, invoices delivered, pending...) in the order the
 * invariants gave them, and the violations. On a badly damaged folder only the first
 * {@link #KEPT_VIOLATIONS} violations are kept with their message; every one is counted by code.
 */
public record VerificationReport(boolean drained, Map<String, Long> counts, List<Violation> violations,
                                 Map<ViolationCode, Long> violationsByCode) {

    public static final int KEPT_VIOLATIONS = 1_000;

    public boolean clean() {
        return violationsByCode.isEmpty();
    }

    public long violationCount() {
        return violationsByCode.values().stream().mapToLong(Long::longValue).sum();
    }

    public long count(String what) {
        return counts.getOrDefault(what, 0L);
    }

    public long count(ViolationCode code) {
        return violationsByCode.getOrDefault(code, 0L);
    }

    /** The counts, one per line, then the violations by code and each kept violation: what operators read. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        int width = counts.keySet().stream().mapToInt(String::length).max().orElse(0);
        counts.forEach((what, n) -> text.append(String.format("  %-" + width + "s %,10d%n", what, n)));
        if (clean()) {
            return text.append(String.format("Aucune violation%s.%n", drained ? " (moteur vidé)" : "")).toString();
        }
        text.append(String.format("%,d violation(s) :%n", violationCount()));
        violationsByCode.forEach((code, n) -> text.append(String.format("  %-28s %,8d  %s%n", code, n, code.meaning())));
        violations.forEach(v -> text.append("  ").append(v).append(System.lineSeparator()));
        if (violations.size() < violationCount()) {
            text.append(String.format("  ... (%,d de plus, non détaillées)%n", violationCount() - violations.size()));
        }
        return text.toString();
    }

    /** Filled in by the invariants, one after the other. */
    public static final class Builder {
        private final boolean drained;
        private final Map<String, Long> counts = new LinkedHashMap<>();
        private final List<Violation> violations = new ArrayList<>();
        private final Map<ViolationCode, Long> byCode = new EnumMap<>(ViolationCode.class);

        Builder(boolean drained) {
            this.drained = drained;
        }

        /** Declares a count (so it is printed even when it stays 0). */
        public Builder count(String what) {
            counts.putIfAbsent(what, 0L);
            return this;
        }

        public Builder add(String what, long n) {
            counts.merge(what, n, Long::sum);
            return this;
        }

        public Builder add(String what) {
            return add(what, 1);
        }

        public Builder violation(ViolationCode code, String message) {
            byCode.merge(code, 1L, Long::sum);
            if (violations.size() < KEPT_VIOLATIONS) {
                violations.add(new Violation(code, message));
            }
            return this;
        }

        /** Work not done yet: counted, and a violation only when the engine was drained. */
        public Builder pending(String what, ViolationCode code, String message) {
            add(what);
            if (drained) {
                violation(code, message);
            }
            return this;
        }

        VerificationReport build() {
            return new VerificationReport(drained, Collections.unmodifiableMap(new LinkedHashMap<>(counts)),
                    List.copyOf(violations), Collections.unmodifiableMap(new EnumMap<>(byCode)));
        }
    }
}
