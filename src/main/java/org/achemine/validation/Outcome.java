package org.achemine.validation;

/** What one check concluded. SKIPPED checks are recorded, never silently dropped. */
public enum Outcome {
    VALID,
    INVALID,
    SKIPPED,
    /** The check itself broke (our fault, not the document's); the document is not accepted. */
    ERROR
}
