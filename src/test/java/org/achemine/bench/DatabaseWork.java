package org.achemine.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The process's CPU time and, on H2, its store's counters ({@code INFORMATION_SCHEMA.SETTINGS}: versions, i.e.
 * stores, file writes and bytes) at one moment: the database's work per flow or invoice, which the machine's load
 * does not change. Shared by the burst and routing benchmarks, with H2's count of the statements run
 * ({@link #countStatements}, {@link #printStatements}).
 */
record DatabaseWork(Instant at, long cpuNanos, long stores, long fileWrites, long bytesWritten) {

    static DatabaseWork now(JdbcTemplate jdbc, String database) {
        long cpu = processCpuNanos();
        if (!database.equals("h2")) {
            return new DatabaseWork(Instant.now(), cpu, -1, -1, -1);
        }
        Map<String, Long> info = new HashMap<>();
        jdbc.query("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN"
                + " ('info.CURRENT_VERSION', 'info.FILE_WRITE', 'info.FILE_WRITE_BYTES')",
                rs -> { info.put(rs.getString(1), Long.parseLong(rs.getString(2))); });
        return new DatabaseWork(Instant.now(), cpu, info.get("info.CURRENT_VERSION"), info.get("info.FILE_WRITE"),
                info.get("info.FILE_WRITE_BYTES"));
    }

    /** User + system CPU time of this JVM (every thread, GC and JIT included): what the load does not inflate. */
    static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    String cpuPer1000(DatabaseWork before, int count) {
        return cpuPer1000(before, 0, count);
    }

    /** The CPU since {@code before}, less {@code leftOutNanos} (work of the bench's own in that window). */
    String cpuPer1000(DatabaseWork before, long leftOutNanos, int count) {
        return String.format("%.2f", (cpuNanos - before.cpuNanos - leftOutNanos) / 1e9 * 1000 / count);
    }

    String storesPer1000(DatabaseWork before, int count) {
        return stores < 0 ? "(H2 only)" : String.format("%,.0f", (stores - before.stores) * 1000.0 / count);
    }

    String writesPer1000(DatabaseWork before, int count) {
        return fileWrites < 0 ? "(H2 only)" : String.format("%,.0f / %,.0f", (fileWrites - before.fileWrites)
                * 1000.0 / count, (bytesWritten - before.bytesWritten) / 1e6 * 1000 / count);
    }

    /** H2 counts each statement it runs (a batch's rows one each) from here on (its query statistics). */
    static void countStatements(JdbcTemplate jdbc) {
        jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 1000");
        jdbc.execute("SET QUERY_STATISTICS TRUE");
    }

    /**
     * Statements H2 ran since {@link #countStatements}, per 1,000 {@code unit}s, the most run first; then stops
     * counting (H2's query statistics cost some CPU).
     */
    static void printStatements(JdbcTemplate jdbc, int count, String window) {
        System.out.printf("%nstatements run, %s (H2 query statistics)%n", window);
        long[] total = new long[1];
        jdbc.query("SELECT EXECUTION_COUNT, SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
                + " ORDER BY EXECUTION_COUNT DESC", rs -> {
                    long executions = rs.getLong(1);
                    total[0] += executions;
                    String sql = rs.getString(2).replaceAll("\\s+", " ");
                    System.out.printf("  %,9.1f  %s%n", executions * 1000.0 / count,
                            sql.length() > 150 ? sql.substring(0, 150) : sql);
                });
        System.out.printf("  %,9.1f  (every statement)%n%n", total[0] * 1000.0 / count);
        jdbc.execute("SET QUERY_STATISTICS FALSE");
    }
}
