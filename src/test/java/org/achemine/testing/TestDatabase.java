package org.achemine.testing;

import java.nio.file.Path;
import java.util.List;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The database a test runs the engine on: the data folder's H2 file (the default) or a fresh database on the
 * JVM's {@link EmbeddedPostgresServer}. Says how to point an engine at it (command-line arguments; for a Spring
 * test context see {@link FreshPostgresDatabase}) and opens it for the test's own checks.
 */
public record TestDatabase(String url, String username, String password, boolean embedded) {

    /** The H2 file of a data folder, as application.yml names it. */
    public static TestDatabase h2(Path dataDir) {
        return new TestDatabase("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db/achemine"), "sa", "", true);
    }

    static TestDatabase postgres(String url, String username, String password) {
        return new TestDatabase(url, username, password, false);
    }

    /** The engine's settings for this database, as command-line arguments (none for H2: the default). */
    public List<String> arguments() {
        return embedded ? List.of() : List.of("--achemine.database.url=" + url,
                "--achemine.database.username=" + username, "--achemine.database.password=" + password);
    }

    /**
     * The database of a copy of a stopped engine's data folder: H2's file was copied with the folder; a
     * PostgreSQL database is copied on the server.
     */
    public TestDatabase copyFor(Path copiedDataDir) {
        return embedded ? h2(copiedDataDir) : EmbeddedPostgresServer.copyOf(this);
    }

    /** One connection to it, for a test's own reads; the engine must be stopped first when it is the H2 file. */
    public SingleConnectionDataSource open() {
        return new SingleConnectionDataSource(embedded ? url + ";IFEXISTS=TRUE" : url, username, password, true);
    }
}
