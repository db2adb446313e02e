package org.achemine.directory;

import java.util.Map;

/** One data line of a directory CSV file: its line number in the file and its values by column. */
public record CsvRow(long lineNumber, Map<String, String> values, boolean consistent, String raw) {

    /** The trimmed value of a column, "" when absent. Column names are matched ignoring case. */
    public String get(String column) {
        String value = values.get(column.toLowerCase(java.util.Locale.ROOT));
        return value == null ? "" : value.strip();
    }
}
