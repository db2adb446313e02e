package org.achemine.lifecycle.updates;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.achemine.validation.FlowKind;
import org.achemine.validation.InvoiceDocument;
import org.achemine.validation.admissibility.ArchiveUnpacker;
import org.achemine.validation.admissibility.Unpacked;
import org.achemine.validation.attachment.Attachment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which documents of which archived completion bundle complete which invoice (table {@code completion_document},
 * V140), and their bytes read back from the write-once archive: nothing is stored beside the bundle.
 */
public class CompletionDocuments {

    /** The pivot's {@code CategoriePJ} of a completion's document. */
    static final String CATEGORY = "Complément (12 Complétée)";

    private final JdbcTemplate jdbc;
    private final ArchiveUnpacker unpacker;

    public CompletionDocuments(JdbcTemplate jdbc, ArchiveUnpacker unpacker) {
        this.jdbc = jdbc;
        this.unpacker = unpacker;
    }

    /** Links a bundle's documents to the invoice its 12 line completed, in the caller's transaction. */
    void link(String flowId, String invoiceId, List<Attachment> documents) {
        List<Object[]> rows = new ArrayList<>(documents.size());
        for (Attachment document : documents) {
            rows.add(new Object[] {flowId, document.rank(), invoiceId, document.fileName(), document.declaredType(),
                    document.size()});
        }
        jdbc.batchUpdate("INSERT INTO completion_document (flow_id, doc_rank, invoice_id, entry_name, mime_type,"
                + " size_bytes) VALUES (?, ?, ?, ?, ?, ?)", rows);
    }

    /**
     * The documents the completion brought by flow {@code flowId} (null: a completion without a bundle) gave this
     * invoice, in rank order, read back from the archived bundle; empty when it brought none.
     */
    public List<Attachment> of(String invoiceId, String flowId) throws IOException {
        if (flowId == null) {
            return List.of();
        }
        record Linked(int rank, String entryName, String type) {
        }
        List<Linked> linked = jdbc.query("SELECT doc_rank, entry_name, mime_type FROM completion_document"
                        + " WHERE invoice_id = ? AND flow_id = ? ORDER BY doc_rank",
                (rs, n) -> new Linked(rs.getInt(1), rs.getString(2), rs.getString(3)), invoiceId, flowId);
        if (linked.isEmpty()) {
            return List.of();
        }
        Path archived = Path.of(jdbc.queryForObject("SELECT archive_path FROM flow WHERE flow_id = ?", String.class,
                flowId));
        Unpacked unpacked = unpacker.unpack(FlowKind.ZIP, archived);
        if (unpacked.refused()) {
            throw new IOException("Archived completion bundle " + flowId + " is refused on expansion: "
                    + unpacked.refusal());
        }
        Map<String, InvoiceDocument> entries = unpacked.documents().stream()
                .collect(Collectors.toMap(InvoiceDocument::name, Function.identity(), (first, same) -> first));
        List<Attachment> documents = new ArrayList<>(linked.size());
        for (Linked each : linked) {
            InvoiceDocument entry = entries.get(each.entryName());
            if (entry == null) {
                throw new IOException("Archived completion bundle " + flowId + " no longer holds " + each.entryName());
            }
            documents.add(new Attachment(each.rank(), CompletionBundle.WHERE, each.entryName(), each.type(), CATEGORY,
                    entry.bytes(), entry.size(), null));
        }
        return documents;
    }
}
