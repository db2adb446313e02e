/**
 * Qualification mailboxes: each partner's {@code mailboxes/<partner>/qualif/in|out}, where it tests its
 * connection before production. What is dropped there is validated and answered as in production, routed
 * through the same platform checks, then ends accepted in qualification instead of being delivered
 * (ADR 0025).
 */
package org.achemine.qualification;
