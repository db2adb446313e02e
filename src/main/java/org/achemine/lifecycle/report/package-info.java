/**
 * What suppliers and recipients are told after routing: the {@code lifecycle-report} job (every status
 * change, exactly once, in a status flow to the supplier's {@code out/}) and the {@code daily-summaries} job
 * (the dashboard CSV of each recipient and supplier).
 */
package org.achemine.lifecycle.report;
