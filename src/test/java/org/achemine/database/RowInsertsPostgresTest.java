package org.achemine.database;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.achemine.testing.EmbeddedPostgresServer;
import org.achemine.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link RowInsertsTest} on PostgreSQL: a fresh database of the embedded server, migrated as the engine does. */
class RowInsertsPostgresTest extends RowInsertsTest {

    @Override
    protected DataSource database(Path dataDir) {
        TestDatabase database = EmbeddedPostgresServer.freshDatabase();
        DataSource dataSource = new DriverManagerDataSource(database.url(), database.username(), database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .load().migrate();
        return dataSource;
    }
}
