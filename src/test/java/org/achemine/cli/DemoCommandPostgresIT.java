package org.achemine.cli;

import java.nio.file.Path;
import org.achemine.testing.EmbeddedPostgresServer;
import org.achemine.testing.TestDatabase;

/** {@link DemoCommandIT} on PostgreSQL: the demo's engine on a fresh database of the JVM's embedded server. */
class DemoCommandPostgresIT extends DemoCommandIT {

    @Override
    protected TestDatabase database(Path dataDir) {
        return EmbeddedPostgresServer.freshDatabase();
    }
}
