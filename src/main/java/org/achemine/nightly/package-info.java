/**
 * The nightly run: one job, {@code nightly}, whose steps are the other jobs in order (directory import if new
 * files, routing, lifecycle reports, daily summaries), on one schedule or from the {@code nightly} command.
 */
package org.achemine.nightly;
