package org.achemine.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.achemine.validation.FlowKind;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.admissibility.ArchiveUnpacker;
import org.achemine.validation.admissibility.Unpacked;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The original bytes of one document of a flow, read back from the write-once archive: the whole file for
 * an XML flow, the entry for a batch flow (expanded again within the same limits as at intake).
 */
public class ArchivedDocuments {

    private final JdbcTemplate jdbc;
    private final ArchiveUnpacker unpacker;
    // Routing reads invoices in id order, so the entries of one batch come one after the other: keeping the
    // last batch expanded turns n expansions of an n-invoice batch into one.
    private String lastBatch;
    private List<InvoiceDocument> lastBatchDocuments = List.of();

    public ArchivedDocuments(JdbcTemplate jdbc, ArchiveUnpacker unpacker) {
        this.jdbc = jdbc;
        this.unpacker = unpacker;
    }

    public InvoiceDocument document(String flowId, int rank) throws IOException {
        ArchivedFlow flow = jdbc.queryForObject("SELECT f.archive_path, f.flow_kind, d.entry_name FROM flow f"
                        + " JOIN flow_document d ON d.flow_id = f.flow_id WHERE f.flow_id = ? AND d.doc_rank = ?",
                (rs, i) -> new ArchivedFlow(Path.of(rs.getString(1)), FlowKind.valueOf(rs.getString(2)), rs.getString(3)),
                flowId, rank);
        if (!flow.kind().isArchive()) {
            return new InvoiceDocument(flow.entryName(), Files.readAllBytes(flow.path()));
        }
        List<InvoiceDocument> documents = batch(flowId, flow);
        if (documents.size() < rank) {
            throw new IOException("Archived flow " + flowId + " no longer yields document " + rank);
        }
        return documents.get(rank - 1);
    }

    private synchronized List<InvoiceDocument> batch(String flowId, ArchivedFlow flow) throws IOException {
        if (!flowId.equals(lastBatch)) {
            Unpacked unpacked = unpacker.unpack(flow.kind(), flow.path());
            if (unpacked.refused()) {
                throw new IOException("Archived flow " + flowId + " is refused on expansion: " + unpacked.refusal());
            }
            lastBatch = flowId;
            lastBatchDocuments = unpacked.documents();
        }
        return lastBatchDocuments;
    }

    private record ArchivedFlow(Path path, FlowKind kind, String entryName) {
    }
}
