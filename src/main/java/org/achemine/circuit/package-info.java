/**
 * Validation circuits: invoices whose cadre de facturation (A9 subcontractor, A12 co-contractor) must be validated
 * by a named party before their public recipient sees them — delivered to the validator first, answered by its
 * status file, closed on the platform clock when it does not answer in time, then forwarded to the recipient.
 * Routing calls in through {@link org.achemine.routing.CircuitHook}; see docs/lifecycle.md#validation-circuits.
 */
package org.achemine.circuit;
