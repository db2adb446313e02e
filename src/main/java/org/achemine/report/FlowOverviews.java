package org.achemine.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** What an operator wants to see of flows and their invoices, read from the database. */
public class FlowOverviews {

    private final JdbcTemplate jdbc;

    public FlowOverviews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<FlowOverview> all() {
        // the distinct fatal codes of each flow, in code order, joined here: H2 and PostgreSQL aggregate strings
        // with different functions
        Map<String, String> fatalCodes = new HashMap<>();
        jdbc.query("SELECT DISTINCT flow_id, code FROM flow_finding WHERE severity = 'fatal' ORDER BY flow_id, code",
                rs -> {
                    fatalCodes.merge(rs.getString(1), rs.getString(2), (codes, code) -> codes + " " + code);
                });
        List<FlowOverview> flows = jdbc.query("""
                SELECT f.flow_id, f.partner, f.original_name, f.flow_state, f.status_code, f.report_path,
                       f.integration_report_path
                FROM flow f ORDER BY f.flow_id""",
                (rs, i) -> new FlowOverview(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), fatalCodes.get(rs.getString(1)), List.of()));
        return flows.stream().map(f -> f.withInvoices(invoices(f.flowId()))).toList();
    }

    private List<InvoiceOverview> invoices(String flowId) {
        return jdbc.query("""
                SELECT i.invoice_id, i.invoice_number, i.status, i.recipient_siret, i.delivery_path, i.reason_code,
                       i.reason_message, CAST(NULL AS VARCHAR(32)), i.doc_rank
                FROM invoice i WHERE i.flow_id = ?
                UNION ALL
                SELECT r.invoice_id, r.invoice_number, NULL, NULL, NULL, r.refusal_code, r.refusal_message,
                       r.reform_reason, r.doc_rank
                FROM integration_refusal r WHERE r.flow_id = ?
                ORDER BY 9""",
                (rs, i) -> new InvoiceOverview(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)),
                flowId, flowId);
    }

    /** A flow: its deposit verdict and fatal codes, its reports, and its invoices once integrated or refused. */
    public record FlowOverview(String flowId, String partner, String originalName, String flowState, String statusCode,
                               String reportPath, String integrationReportPath, String fatalCodes,
                               List<InvoiceOverview> invoices) {

        FlowOverview withInvoices(List<InvoiceOverview> registered) {
            return new FlowOverview(flowId, partner, originalName, flowState, statusCode, reportPath,
                    integrationReportPath, fatalCodes, registered);
        }
    }

    /**
     * An invoice: its current Chorus status, where it was delivered or why it was sent back; or, refused at
     * integration, no status but the refusal code and message and the reform's reason (with 213 Rejetée).
     */
    public record InvoiceOverview(String invoiceId, String invoiceNumber, String status, String recipientSiret,
                                  String deliveryPath, String reasonCode, String reasonMessage, String reformReason) {

        public boolean refusedAtIntegration() {
            return status == null;
        }
    }
}
