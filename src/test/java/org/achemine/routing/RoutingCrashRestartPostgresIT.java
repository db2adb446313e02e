package org.achemine.routing;

import java.nio.file.Path;
import org.achemine.testing.EmbeddedPostgresServer;
import org.achemine.testing.TestDatabase;

/** {@link RoutingCrashRestartIT} on PostgreSQL: every process on a fresh database of the JVM's embedded server. */
class RoutingCrashRestartPostgresIT extends RoutingCrashRestartIT {

    @Override
    protected TestDatabase database(Path dataDir) {
        return EmbeddedPostgresServer.freshDatabase();
    }
}
