package org.achemine.report;

import org.achemine.validation.Finding;

/**
 * One line of a status flow's report.
 *
 * @param lineNumber      the line of the status file it starts on
 * @param numOrdre        its XML {@code NumOrdre}, null in CSV
 * @param reference       the invoice reference as the sender wrote it
 * @param invoiceId       our invoice id, when the reference found one
 * @param requestedStatus the status asked, as written
 * @param finding         why it was refused, or a warning about a line applied; null when applied without remark
 */
public record StatusReportLine(int lineNumber, Integer numOrdre, String reference, String invoiceId,
                               String requestedStatus, Finding finding) {

    public boolean applied() {
        return finding == null || !finding.isFatal();
    }
}
