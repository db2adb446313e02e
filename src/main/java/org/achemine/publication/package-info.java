/**
 * The publication journal: every file the engine puts in an {@code out/} is recorded before the rename that
 * shows it, so a file a partner already took is never published twice (ADR 0001).
 */
package org.achemine.publication;
