package org.achemine.verify;

/**
 * One invariant of a data folder. Each is independent: it reads the database and the folders through the
 * {@link DataFolder}, adds its counts and its violations to the report, and must not load a whole table or
 * folder in memory (page through rows, stream through files). Adding an invariant is one class plus its
 * line in {@link InvariantChecker#standard()}.
 */
public interface Invariant {

    /** A short name, printed with the counts. */
    String name();

    void check(DataFolder data, VerificationReport.Builder report) throws Exception;
}
