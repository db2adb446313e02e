package org.achemine.directory;

import org.springframework.batch.core.listener.SkipListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records the rows of an import that were skipped (malformed) or kept with a warning, in the database,
 * so the import report can be written from them even after a restart.
 */
public class DirectoryImportIssues implements SkipListener<CsvRow, DirectoryEntry<?>> {

    static final String REJECTED = "REJECTED";
    static final String WARNING = "WARNING";

    private final JdbcTemplate jdbc;
    private final long generationId;
    private final DirectoryFile kind;

    public DirectoryImportIssues(JdbcTemplate jdbc, long generationId, DirectoryFile kind) {
        this.jdbc = jdbc;
        this.generationId = generationId;
        this.kind = kind;
    }

    @Override
    public void onSkipInProcess(CsvRow row, Throwable cause) {
        record(row.lineNumber(), REJECTED, cause.getMessage(), row.raw());
    }

    void warn(DirectoryEntry<?> entry) {
        entry.warnings().forEach(w -> record(entry.lineNumber(), WARNING, w, entry.raw()));
    }

    private void record(long line, String severity, String reason, String content) {
        jdbc.update("INSERT INTO directory_import_issue (generation_id, file_kind, line_number, severity, reason, content)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                generationId, kind.name(), line, severity, truncate(reason, 1000), truncate(content, 2000));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
