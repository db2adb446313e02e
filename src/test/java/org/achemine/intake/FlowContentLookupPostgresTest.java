package org.achemine.intake;

import javax.sql.DataSource;
import org.achemine.testing.EmbeddedPostgresServer;
import org.achemine.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link FlowContentLookupTest} on a fresh database of the embedded PostgreSQL, migrated by the engine's migrations. */
class FlowContentLookupPostgresTest extends FlowContentLookupTest {

    @Override
    DataSource migratedDatabase() {
        TestDatabase database = EmbeddedPostgresServer.freshDatabase();
        DataSource dataSource = new DriverManagerDataSource(database.url(), database.username(), database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .load().migrate();
        return dataSource;
    }
}
