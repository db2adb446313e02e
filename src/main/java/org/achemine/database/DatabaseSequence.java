package org.achemine.database;

import java.util.Arrays;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;

/** One database sequence by name, read the way the database in use reads it (looked up at its first use). */
public final class DatabaseSequence {

    private final JdbcTemplate jdbc;
    private final String name;
    private volatile DataFieldMaxValueIncrementer incrementer;
    private volatile String valuesQuery;

    public DatabaseSequence(JdbcTemplate jdbc, String name) {
        this.jdbc = jdbc;
        this.name = name;
    }

    /** The sequence's next value: never handed out twice, even across crashes or by two engines. */
    public long next() {
        if (incrementer == null) {
            incrementer = DatabaseVendor.of(jdbc).sequence(Objects.requireNonNull(jdbc.getDataSource()), name);
        }
        return incrementer.nextLongValue();
    }

    /**
     * {@code count} next values in one statement (a group of takes draws its ids at once, not one round trip
     * each), in increasing order. Each is handed out once, as by {@link #next}; values drawn by a caller that then
     * crashed are skipped, never reused.
     */
    public long[] next(int count) {
        if (count <= 1) {
            return count == 1 ? new long[] {next()} : new long[0];
        }
        if (valuesQuery == null) {
            valuesQuery = DatabaseVendor.of(jdbc).sequenceValues(name);
        }
        long[] values = jdbc.queryForList(valuesQuery, Long.class, count).stream().mapToLong(Long::longValue).toArray();
        if (values.length != count) {
            throw new IllegalStateException("Sequence " + name + " gave " + values.length + " values, not " + count);
        }
        Arrays.sort(values);
        return values;
    }
}
