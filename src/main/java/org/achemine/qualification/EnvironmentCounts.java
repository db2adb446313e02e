package org.achemine.qualification;

/**
 * One environment's figures, never added to the other's: production's are the platform's activity,
 * qualification's are partners' tests (ADR 0025).
 *
 * @param environment          {@code production} or {@code qualification}
 * @param flows                flows received (invoice and status flows)
 * @param flowsRefused         of which refused at deposit (IN_REJETE)
 * @param invoices             invoices integrated (passed every platform check)
 * @param delivered            of which delivered to a recipient (always 0 in qualification)
 * @param refusedAtIntegration invoices refused by a platform check (213)
 */
public record EnvironmentCounts(String environment, long flows, long flowsRefused, long invoices, long delivered,
                                long refusedAtIntegration) {
}
