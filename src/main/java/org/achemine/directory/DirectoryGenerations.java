package org.achemine.directory;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The directory's generations: one per import, exactly one active at a time. */
@Component
public class DirectoryGenerations {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DirectoryGenerations(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Starts (or, on restart, resumes) loading a generation. */
    void open(long generation, String structuresFile, String servicesFile) {
        Timestamp now = Timestamp.from(clock.instant());
        int resumed = jdbc.update("UPDATE directory_generation SET started_at = ?, structures_file = ?, services_file = ?,"
                + " state = 'LOADING' WHERE generation_id = ?", now, structuresFile, servicesFile, generation);
        if (resumed == 0) {
            jdbc.update("INSERT INTO directory_generation (generation_id, started_at, structures_file, services_file, state)"
                    + " VALUES (?, ?, ?, ?, 'LOADING')", generation, now, structuresFile, servicesFile);
        }
    }

    /** Services whose structure is not in this generation cannot be routed to: they are rejected. */
    int rejectOrphanServices(long generation) {
        jdbc.update("INSERT INTO directory_import_issue (generation_id, file_kind, line_number, severity, reason, content)"
                + " SELECT ?, 'SERVICES', 0, 'REJECTED', 'service ' || code || ' : structure ' || structure_identifier"
                + " || ' absente du fichier des structures', structure_identifier || ';' || code"
                + " FROM directory_service s WHERE s.generation_id = ? AND NOT EXISTS (SELECT 1 FROM directory_structure d"
                + " WHERE d.generation_id = s.generation_id AND d.identifier = s.structure_identifier)", generation, generation);
        return jdbc.update("DELETE FROM directory_service s WHERE s.generation_id = ? AND NOT EXISTS (SELECT 1 FROM"
                + " directory_structure d WHERE d.generation_id = s.generation_id AND d.identifier = s.structure_identifier)",
                generation);
    }

    GenerationCounts counts(long generation) {
        return jdbc.queryForObject("SELECT"
                        + " (SELECT COUNT(*) FROM directory_structure WHERE generation_id = ?),"
                        + " (SELECT COUNT(*) FROM directory_service WHERE generation_id = ?),"
                        + " (SELECT COUNT(*) FROM directory_import_issue WHERE generation_id = ? AND severity = 'REJECTED'),"
                        + " (SELECT COUNT(*) FROM directory_import_issue WHERE generation_id = ? AND severity = 'WARNING')",
                (rs, i) -> new GenerationCounts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)),
                generation, generation, generation, generation);
    }

    /**
     * Makes the generation the one routing reads, in one statement, and marks the one before superseded.
     * Must run in one transaction with {@link #purgeOlderThanPrevious}.
     */
    void activate(long generation, GenerationCounts counts) {
        jdbc.update("UPDATE directory_generation SET state = 'SUPERSEDED' WHERE state = 'ACTIVE'");
        jdbc.update("UPDATE directory_generation SET state = 'ACTIVE', activated_at = ?, structure_count = ?,"
                        + " service_count = ?, rejected_rows = ?, warning_rows = ? WHERE generation_id = ?",
                Timestamp.from(clock.instant()), counts.structures(), counts.services(), counts.rejected(),
                counts.warnings(), generation);
        if (jdbc.update("UPDATE directory_current SET generation_id = ? WHERE singleton = 1", generation) == 0) {
            jdbc.update("INSERT INTO directory_current (singleton, generation_id) VALUES (1, ?)", generation);
        }
    }

    /** Keeps the active generation and the one it replaced; drops the rows of older and failed ones. */
    void purgeOlderThanPrevious(long generation) {
        List<Long> keep = jdbc.queryForList("SELECT generation_id FROM directory_generation WHERE state IN ('ACTIVE', 'SUPERSEDED')"
                + " ORDER BY generation_id DESC LIMIT 2", Long.class);
        List<Long> drop = jdbc.queryForList("SELECT generation_id FROM directory_generation", Long.class).stream()
                .filter(g -> !keep.contains(g) && g != generation)
                .toList();
        for (Long old : drop) {
            jdbc.update("DELETE FROM directory_structure WHERE generation_id = ?", old);
            jdbc.update("DELETE FROM directory_service WHERE generation_id = ?", old);
            jdbc.update("DELETE FROM directory_import_issue WHERE generation_id = ?", old);
        }
    }

    /** The import failed its checks: the generation is never used and its rows are dropped. */
    void fail(long generation, GenerationCounts counts) {
        jdbc.update("UPDATE directory_generation SET state = 'FAILED', structure_count = ?, service_count = ?,"
                        + " rejected_rows = ?, warning_rows = ? WHERE generation_id = ?",
                counts.structures(), counts.services(), counts.rejected(), counts.warnings(), generation);
        jdbc.update("DELETE FROM directory_structure WHERE generation_id = ?", generation);
        jdbc.update("DELETE FROM directory_service WHERE generation_id = ?", generation);
    }

    List<ImportIssue> issues(long generation) {
        return jdbc.query("SELECT file_kind, line_number, severity, reason, content FROM directory_import_issue"
                        + " WHERE generation_id = ? ORDER BY file_kind DESC, line_number",
                (rs, i) -> new ImportIssue(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                generation);
    }

    /** The generation routing reads, if any import ever completed. */
    public Optional<Long> current() {
        return jdbc.queryForList("SELECT generation_id FROM directory_current", Long.class).stream().findFirst();
    }

    /** The structures file the directory in service was imported from, if any. */
    public Optional<String> currentStructuresFile() {
        return jdbc.queryForList("SELECT g.structures_file FROM directory_current c JOIN directory_generation g"
                + " ON g.generation_id = c.generation_id", String.class).stream().findFirst();
    }

    record GenerationCounts(int structures, int services, int rejected, int warnings) {
    }

    record ImportIssue(String file, long line, String severity, String reason, String content) {
    }
}
