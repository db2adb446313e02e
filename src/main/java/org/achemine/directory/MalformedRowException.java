package org.achemine.directory;

/** A directory row that cannot be imported; it is skipped and listed in the import report. */
public class MalformedRowException extends RuntimeException {

    private final transient CsvRow row;

    public MalformedRowException(CsvRow row, String reason) {
        super(reason);
        this.row = row;
    }

    public CsvRow row() {
        return row;
    }
}
