package org.achemine.intake;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariDataSource;

/** The database answers: a connection from the pool that says it is valid within the timeout. */
public class DatabaseCondition implements IntakeCondition {

    private final DataSource dataSource;
    private final int timeoutSeconds;

    public DatabaseCondition(DataSource dataSource, Duration timeout) {
        this.dataSource = dataSource;
        this.timeoutSeconds = (int) Math.max(1, timeout.toSeconds());
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Optional<String> problem() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(timeoutSeconds)) {
                return Optional.empty();
            }
            evict(connection);
            return Optional.of("the database did not answer within " + timeoutSeconds + " s");
        } catch (SQLException | RuntimeException e) {
            return Optional.of("the database is unreachable: " + e.getMessage());
        }
    }

    /** A pooled connection found dead is dropped, so that the next check (and other users) get a fresh one. */
    private void evict(Connection connection) throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
        }
    }
}
