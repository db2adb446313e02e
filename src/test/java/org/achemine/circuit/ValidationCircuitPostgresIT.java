package org.achemine.circuit;

import org.achemine.testing.FreshPostgresDatabase;
import org.springframework.test.context.ContextConfiguration;

/** {@link ValidationCircuitIT} on PostgreSQL (migration V125, the circuit's queries): a fresh embedded database. */
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
class ValidationCircuitPostgresIT extends ValidationCircuitIT {
}
