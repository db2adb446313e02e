package org.achemine.cli;

import java.nio.file.Path;
import org.achemine.testing.EmbeddedPostgresServer;
import org.achemine.testing.TestDatabase;

/** {@link VerifyCommandIT} on PostgreSQL: the demo's engine and every verify on the JVM's embedded server. */
class VerifyCommandPostgresIT extends VerifyCommandIT {

    @Override
    protected TestDatabase database(Path dataDir) {
        return EmbeddedPostgresServer.freshDatabase();
    }
}
