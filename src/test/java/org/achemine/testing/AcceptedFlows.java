package org.achemine.testing;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What intake leaves in front of routing, written straight into the database and the archive: reported batch
 * flows of partner FOU001, their archived ZIP, their accepted documents (the routing benchmark, and tests that
 * need more invoices than intake would validate in their time).
 */
public final class AcceptedFlows {

    /** The supplier of every seeded invoice. */
    public static final String SUPPLIER = "81234567600025";

    /** One accepted document: its invoice's number, buyer, service and engagement, and whether it is CII. */
    public record Document(String number, String buyer, String service, String engagement, boolean cii) {
    }

    private AcceptedFlows() {
    }

    /**
     * Seeds {@code count} accepted invoices in flows of {@code perFlow}, the n-th (from 0) described by
     * {@code document}, received and validated at the engine's {@code clock}'s now; returns the flow ids.
     */
    public static List<String> seed(JdbcTemplate jdbc, Path archive, Clock clock, int count, int perFlow,
                                    IntFunction<Document> document) throws Exception {
        Files.createDirectories(archive);
        Timestamp now = Timestamp.from(clock.instant());
        List<String> flowIds = new ArrayList<>();
        for (int first = 0, flow = 1; first < count; first += perFlow, flow++) {
            String flowId = String.format("ACH0011190%015d", flow);
            flowIds.add(flowId);
            int size = Math.min(perFlow, count - first);
            List<Object[]> documents = new ArrayList<>(size);
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
                for (int rank = 1; rank <= size; rank++) {
                    Document d = document.apply(first + rank - 1);
                    zip.putNextEntry(new ZipEntry("facture-" + rank + ".xml"));
                    zip.write(d.cii() ? SampleInvoices.cii(d.number(), d.buyer(), d.service(), d.engagement())
                            : SampleInvoices.ubl(d.number(), d.buyer(), d.service(), d.engagement()));
                    zip.closeEntry();
                    documents.add(new Object[] {flowId, rank, "facture-" + rank + ".xml",
                        d.cii() ? "IN_DP_E1_CII_16B" : "IN_DP_E1_UBL_INVOICE", d.number(),
                        Date.valueOf(LocalDate.of(2026, 11, 2)), "380", "EUR", SUPPLIER, d.buyer(), d.service(),
                        d.engagement()});
                }
            }
            Path file = archive.resolve(flowId);
            Files.write(file, zipped.toByteArray());
            jdbc.update("INSERT INTO flow (flow_id, partner, original_name, source_path, source_removed, size_bytes, sha256,"
                            + " received_at, archive_path, interface_number, stage, flow_kind, flow_state, status_code, validated_at)"
                            + " VALUES (?, 'FOU001', ?, ?, TRUE, ?, ?, ?, ?, '1190', 'REPORTED', 'ZIP', 'IN_INTEGRE', '90', ?)",
                    flowId, "lot-" + flow + ".zip", file.toString(), Files.size(file), "0".repeat(64), now, file.toString(), now);
            jdbc.batchUpdate("INSERT INTO flow_document (flow_id, doc_rank, entry_name, syntax, decision, invoice_number,"
                    + " issue_date, type_code, currency, supplier_id, buyer_id, service_code, engagement_number)"
                    + " VALUES (?, ?, ?, ?, 'ACCEPTED', ?, ?, ?, ?, ?, ?, ?, ?)", documents);
        }
        return flowIds;
    }
}
