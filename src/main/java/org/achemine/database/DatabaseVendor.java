package org.achemine.database;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;

/**
 * The two databases achemine runs on (ADR 0018): the embedded H2 file (demo, tests, small installations) and a
 * PostgreSQL server (production, several engines). Almost all SQL is the same on both; this says where it is not.
 */
public enum DatabaseVendor {

    /** One process opens the file; a commit reaches the file at once but the disk only at a checkpoint. */
    H2,
    /** A server: every commit is flushed to its write-ahead log before it returns; rows can be claimed. */
    POSTGRESQL;

    public static DatabaseVendor of(JdbcTemplate jdbc) {
        return jdbc.execute((ConnectionCallback<DatabaseVendor>) DatabaseVendor::of);
    }

    public static DatabaseVendor of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if ("H2".equals(product)) {
            return H2;
        }
        if ("PostgreSQL".equals(product)) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("achemine runs on H2 or PostgreSQL, not on " + product);
    }

    /** A database sequence (never hands out a value twice, even across crashes), read the vendor's way. */
    public DataFieldMaxValueIncrementer sequence(DataSource dataSource, String name) {
        return switch (this) {
            case H2 -> new H2SequenceMaxValueIncrementer(dataSource, name);
            case POSTGRESQL -> new PostgresSequenceMaxValueIncrementer(dataSource, name);
        };
    }

    /** A query drawing {@code ?} values of the named sequence in one statement, one row per value. */
    public String sequenceValues(String name) {
        return switch (this) {
            case H2 -> "SELECT NEXT VALUE FOR " + name + " FROM SYSTEM_RANGE(1, ?)";
            case POSTGRESQL -> "SELECT nextval('" + name + "') FROM generate_series(1, ?)";
        };
    }
}
