package org.achemine.batch;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Recent executions of achemine's batch jobs with their counts, for operators ({@code job list}). */
@Component
public class JobHistory {

    private final JdbcTemplate jdbc;

    public JobHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<JobRun> recent(int limit) {
        return jdbc.query("""
                SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.START_TIME, e.END_TIME, e.STATUS, e.EXIT_CODE,
                       COALESCE(SUM(s.READ_COUNT), 0), COALESCE(SUM(s.WRITE_COUNT), 0),
                       COALESCE(SUM(s.FILTER_COUNT), 0),
                       COALESCE(SUM(s.READ_SKIP_COUNT + s.PROCESS_SKIP_COUNT + s.WRITE_SKIP_COUNT), 0),
                       LISTAGG(CASE WHEN s.STATUS = 'COMPLETED' AND s.EXIT_MESSAGE <> '' THEN s.EXIT_MESSAGE END, '; ')
                           WITHIN GROUP (ORDER BY s.STEP_EXECUTION_ID)
                FROM BATCH_JOB_EXECUTION e
                JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                LEFT JOIN BATCH_STEP_EXECUTION s ON s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                GROUP BY e.JOB_EXECUTION_ID, i.JOB_NAME, e.START_TIME, e.END_TIME, e.STATUS, e.EXIT_CODE
                ORDER BY e.JOB_EXECUTION_ID DESC
                LIMIT ?""",
                (rs, i) -> new JobRun(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDateTime.class),
                        rs.getObject(4, LocalDateTime.class), rs.getString(5), rs.getString(6), rs.getLong(7),
                        rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getString(11)),
                limit);
    }

    /**
     * One execution: when, how it ended, the items its steps read, wrote, filtered out and skipped, and what
     * its steps said of themselves (routing: delivered, recycled, rejected).
     */
    public record JobRun(long executionId, String jobName, LocalDateTime start, LocalDateTime end, String status,
                         String exitCode, long read, long written, long filtered, long skipped, String summary) {
    }
}
