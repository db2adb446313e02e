package org.achemine.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.achemine.database.KeyLists;
import org.achemine.validation.FlowKind;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.admissibility.ArchiveUnpacker;
import org.achemine.validation.admissibility.Unpacked;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The original bytes of one document of a flow, read back from the write-once archive: the whole file for
 * an XML flow, the entry for a batch flow (expanded again within the same limits as at intake). Where a routing
 * chunk's flows are is read in one query for the chunk ({@link #flows}), not one per invoice.
 */
public class ArchivedDocuments {

    private static final String FLOW_COLUMNS = "SELECT f.flow_id, f.archive_path, f.flow_kind, d.entry_name FROM flow f";

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

    /**
     * Where an accepted flow is archived and what it is.
     *
     * @param entryName the name of its document of rank 1 (the whole flow's, for an XML flow)
     */
    public record ArchivedFlow(String flowId, Path path, FlowKind kind, String entryName) {
    }

    public InvoiceDocument document(String flowId, int rank) throws IOException {
        ArchivedFlow flow = jdbc.queryForObject(FLOW_COLUMNS
                        + " JOIN flow_document d ON d.flow_id = f.flow_id WHERE f.flow_id = ? AND d.doc_rank = ?",
                (rs, i) -> archivedFlow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                flowId, rank);
        return document(flow, rank);
    }

    /** Where these flows are archived, in one query: by flow id. */
    public Map<String, ArchivedFlow> flows(Collection<String> flowIds) {
        Map<String, ArchivedFlow> flows = new HashMap<>();
        KeyLists.inSlices(flowIds, slice -> jdbc.query(FLOW_COLUMNS
                        + " LEFT JOIN flow_document d ON d.flow_id = f.flow_id AND d.doc_rank = 1 WHERE f.flow_id IN ("
                        + KeyLists.placeholders(slice.size(), 1) + ")",
                (RowCallbackHandler) rs -> flows.put(rs.getString(1),
                        archivedFlow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))),
                slice.toArray()));
        return flows;
    }

    /** The document of this rank in an archived flow (rank 1 of an XML flow is the flow). */
    public InvoiceDocument document(ArchivedFlow flow, int rank) throws IOException {
        if (!flow.kind().isArchive()) {
            return new InvoiceDocument(flow.entryName(), Files.readAllBytes(flow.path()));
        }
        List<InvoiceDocument> documents = batch(flow.flowId(), flow);
        if (documents.size() < rank) {
            throw new IOException("Archived flow " + flow.flowId() + " no longer yields document " + rank);
        }
        return documents.get(rank - 1);
    }

    private static ArchivedFlow archivedFlow(String flowId, String path, String kind, String entryName) {
        return new ArchivedFlow(flowId, Path.of(path), FlowKind.valueOf(kind), entryName);
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
}
