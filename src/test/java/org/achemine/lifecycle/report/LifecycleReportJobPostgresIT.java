package org.achemine.lifecycle.report;

import org.achemine.testing.FreshPostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

/** {@link LifecycleReportJobIT} on PostgreSQL: a fresh database on the JVM's embedded server. */
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
class LifecycleReportJobPostgresIT extends LifecycleReportJobIT {
}
