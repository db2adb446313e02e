package org.achemine.testing;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** The engine's H2 file database in a data folder, migrated by its own Flyway migrations, without the engine. */
public final class MigratedDatabase {

    private MigratedDatabase() {
    }

    public static JdbcDataSource in(Path dataDir) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dataDir.resolve("db/achemine") + ";DB_CLOSE_ON_EXIT=FALSE");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }
}
