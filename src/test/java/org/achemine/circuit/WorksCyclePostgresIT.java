package org.achemine.circuit;

import org.achemine.testing.FreshPostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

/** {@link WorksCycleIT} on PostgreSQL (migration V135, the works cycle's queries): a fresh embedded database. */
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
class WorksCyclePostgresIT extends WorksCycleIT {
}
