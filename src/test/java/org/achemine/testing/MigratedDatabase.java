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
        // the same locations as application.yml gives Flyway on H2
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/h2").load()
                .migrate();
        return dataSource;
    }
}
