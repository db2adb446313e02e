package org.achemine.lifecycle.updates;

import java.util.ArrayList;
import java.util.List;
import org.achemine.report.StatusReportLine;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.Location;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a status flow's processing decided, line by line (table {@code status_flow_line}, V5): saved in
 * the transaction that applied the changes, read back to write (or, after a crash, rewrite) the report.
 */
public class StatusFlowRecord {

    private final JdbcTemplate jdbc;

    public StatusFlowRecord(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Findings about the whole file, then every line's outcome, in file order. */
    public void save(String flowId, List<Finding> fileFindings, List<StatusLineOutcome> outcomes) {
        jdbc.update("DELETE FROM status_flow_line WHERE flow_id = ?", flowId);
        int rank = 0;
        for (Finding finding : fileFindings) {
            insert(flowId, ++rank, "FILE", finding.location(), null, null, null, null, false, finding);
        }
        for (StatusLineOutcome outcome : outcomes) {
            RawStatusLine line = outcome.line();
            insert(flowId, ++rank, "LINE", Location.at(line.lineNumber(), 0), line.numOrdre(),
                    line.malformation() == null ? line.referenceText() : null, outcome.invoiceId(), line.status(),
                    outcome.applied(), outcome.finding());
        }
    }

    private void insert(String flowId, int rank, String kind, Location where, Integer numOrdre, String reference,
                        String invoiceId, String status, boolean applied, Finding finding) {
        jdbc.update("INSERT INTO status_flow_line (flow_id, line_rank, kind, line_number, column_number, num_ordre,"
                        + " reference, invoice_id, requested_status, outcome, code, severity, message)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                flowId, rank, kind, where.line() > 0 ? where.line() : null, where.column() > 0 ? where.column() : null,
                numOrdre, truncate(reference, 500), invoiceId, truncate(status, 20), applied ? "APPLIED" : "REJECTED",
                finding == null ? null : finding.code(), finding == null ? null : finding.severity().token(),
                finding == null ? null : truncate(finding.message(), 2000));
    }

    public Saved load(String flowId) {
        List<Finding> fileFindings = new ArrayList<>();
        List<StatusReportLine> lines = new ArrayList<>();
        jdbc.query("SELECT kind, line_number, column_number, num_ordre, reference, invoice_id, requested_status, code,"
                + " message FROM status_flow_line WHERE flow_id = ? ORDER BY line_rank", rs -> {
                    int line = rs.getInt(2);
                    int column = rs.getInt(3);
                    Finding finding = rs.getString(8) == null ? null : finding(rs.getString(8), rs.getString(9),
                            Location.at(line, column));
                    if ("FILE".equals(rs.getString(1))) {
                        fileFindings.add(finding);
                    } else {
                        lines.add(new StatusReportLine(line, (Integer) rs.getObject(4), rs.getString(5), rs.getString(6),
                                rs.getString(7), finding));
                    }
                }, flowId);
        return new Saved(fileFindings, lines);
    }

    /** Every code saved here comes from the catalogue, which gives back its severity and source. */
    private static Finding finding(String code, String message, Location where) {
        FindingCode known = FindingCode.valueOf(code);
        return new Finding(code, known.severity(), known.source(), message, null, null, where);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** A processed status flow as saved: findings about the file, and its lines. */
    public record Saved(List<Finding> fileFindings, List<StatusReportLine> lines) {
    }
}
