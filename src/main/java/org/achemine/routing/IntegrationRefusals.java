package org.achemine.routing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records the invoices refused at integration: each is one row, never an invoice, reported in its flow's
 * integration report with the reform's status 213 Rejetée and its reason. Callers own the transaction.
 */
public class IntegrationRefusals {

    /** An accepted document a platform check refused at integration, and why. */
    public record Refusal(RoutingCandidate candidate, RoutingDecision decision) {
    }

    private final JdbcTemplate jdbc;

    public IntegrationRefusals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(List<Refusal> refusals, Instant at) {
        Timestamp when = Timestamp.from(at);
        jdbc.batchUpdate("""
                        INSERT INTO integration_refusal (invoice_id, flow_id, doc_rank, supplier_id, invoice_number,
                            invoice_year, buyer_id, service_code, engagement_number, refusal_code, refusal_message,
                            reform_status, reform_reason, refused_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                refusals.stream().map(r -> {
                    RoutingRequest request = r.candidate().request();
                    return new Object[] {r.candidate().invoiceId(), r.candidate().flowId(), r.candidate().docRank(),
                        request.supplierId(), request.invoiceNumber(), request.yearOrNull(), request.buyerSiret(),
                        request.serviceCode(), request.engagementNumber(), r.decision().refusal().code(),
                        truncate(r.decision().refusal().message()), RejectionReason.REFORM_STATUS,
                        r.decision().rejectionReason().name(), when};
                }).toList());
    }

    private static String truncate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
