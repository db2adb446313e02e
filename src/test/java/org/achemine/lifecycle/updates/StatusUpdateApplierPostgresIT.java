package org.achemine.lifecycle.updates;

import org.achemine.testing.FreshPostgresDatabase;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/** {@link StatusUpdateApplierIT} on PostgreSQL: a fresh database on the JVM's embedded server. */
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StatusUpdateApplierPostgresIT extends StatusUpdateApplierIT {
}
