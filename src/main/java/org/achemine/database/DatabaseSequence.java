package org.achemine.database;

import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;

/** One database sequence by name, read the way the database in use reads it (looked up at its first use). */
public final class DatabaseSequence {

    private final JdbcTemplate jdbc;
    private final String name;
    private volatile DataFieldMaxValueIncrementer incrementer;

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
}
