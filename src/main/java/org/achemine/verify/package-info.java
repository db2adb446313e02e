/**
 * The invariants of a data folder, checked by one {@link org.achemine.verify.InvariantChecker}: what the
 * tests, the soak and the operator's {@code verify} command all use to say "nothing lost, nothing twice".
 */
package org.achemine.verify;
