package org.achemine.cluster;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.achemine.testing.EmbeddedPostgresServer;
import org.achemine.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link WorkClaimsTest} on PostgreSQL, where several engines really run: a fresh database, migrated. */
class WorkClaimsPostgresTest extends WorkClaimsTest {

    @Override
    protected DataSource database(Path dataDir) {
        TestDatabase database = EmbeddedPostgresServer.freshDatabase();
        DataSource dataSource = new DriverManagerDataSource(database.url(), database.username(), database.password());
        // the same locations as the engine gives Flyway on PostgreSQL
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .load().migrate();
        return dataSource;
    }
}
