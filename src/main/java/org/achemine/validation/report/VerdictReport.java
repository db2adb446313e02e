package org.achemine.validation.report;

import java.io.IOException;
import java.util.List;
import org.achemine.validation.RuleSet;

/**
 * A report of the {@code validate} command in one format: opened once, given each file's result in input
 * order, closed with the totals. Implementations write as they go (a directory of thousands of files never
 * sits in memory) and are used by one thread.
 */
public interface VerdictReport {

    default void begin(List<RuleSet> ruleSets) throws IOException {
    }

    void file(ValidatedFile file) throws IOException;

    default void end(Summary summary) throws IOException {
    }

    /** The totals of a run. */
    record Summary(int files, int valid, int invalid, int errors, long millis) {
    }
}
