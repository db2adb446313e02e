package org.achemine.lifecycle.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.achemine.database.DatabaseVendor;
import org.achemine.testing.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link LifecycleReportJobIT} on PostgreSQL: a fresh database on the JVM's embedded server. */
class LifecycleReportJobPostgresIT extends LifecycleReportJobIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresServer.freshDatabase().register(registry);
    }

    @Test
    void runsOnPostgreSQL() {
        assertThat(DatabaseVendor.of(jdbc)).isEqualTo(DatabaseVendor.POSTGRESQL);
    }
}
