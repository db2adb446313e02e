package org.achemine.validation;

/** How bad a finding is. Fatal rejects the document; a warning is reported and never rejects. */
public enum Severity {
    FATAL("fatal"),
    WARNING("warning");

    private final String token;

    Severity(String token) {
        this.token = token;
    }

    /** The lower-case token used in reports (CR attribute {@code gravite}, JSON {@code severity}). */
    public String token() {
        return token;
    }
}
