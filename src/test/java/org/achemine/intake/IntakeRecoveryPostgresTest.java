package org.achemine.intake;

import java.nio.file.Path;
import org.achemine.testing.EmbeddedPostgresServer;
import org.achemine.testing.TestDatabase;

/** {@link IntakeRecoveryTest} on PostgreSQL: both engines on a fresh database of the JVM's embedded server. */
class IntakeRecoveryPostgresTest extends IntakeRecoveryTest {

    @Override
    protected TestDatabase database(Path dataDir) {
        return EmbeddedPostgresServer.freshDatabase();
    }
}
