package org.achemine.report;

/** A report could not be produced (it would not be valid against its schema): a fault of ours. */
public class ReportException extends Exception {

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
