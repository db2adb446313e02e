package org.achemine.lifecycle.updates;

import static org.assertj.core.api.Assertions.assertThat;

import org.achemine.database.DatabaseVendor;
import org.achemine.testing.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link StatusUpdateApplierIT} on PostgreSQL: a fresh database on the JVM's embedded server. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StatusUpdateApplierPostgresIT extends StatusUpdateApplierIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresServer.freshDatabase().register(registry);
    }

    @Test
    void runsOnPostgreSQL() {
        assertThat(DatabaseVendor.of(jdbc)).isEqualTo(DatabaseVendor.POSTGRESQL);
    }
}
