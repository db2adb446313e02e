package org.achemine.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.achemine.qualification.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Read-only questions an operator asks about one invoice, a list of invoices or one flow, asked of the database
 * (the running engine's API and the query commands on a stopped engine both answer from here).
 */
public class InvoiceQueries implements OperatorQueries {

    /** Default number of lines of {@link #list(InvoiceFilter)}. */
    public static final int DEFAULT_LIMIT = 100;

    private final JdbcTemplate jdbc;

    public InvoiceQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<InvoiceDetail> invoice(String invoiceId) {
        List<InvoiceDetail> found = jdbc.query("""
                SELECT i.invoice_id, i.flow_id, i.doc_rank, i.invoice_number, i.supplier_id, i.buyer_id,
                       i.recipient_siret, i.status, i.status_changed_at, i.service_code, i.routed_service,
                       i.engagement_number, i.delivery_path, i.reason_code, i.reason_message,
                       f.archive_path, f.report_path, f.integration_report_path, i.qualification
                FROM invoice i JOIN flow f ON f.flow_id = i.flow_id WHERE i.invoice_id = ?""",
                (rs, n) -> new InvoiceDetail(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), instant(rs, 9),
                        rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                        rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18), List.of(),
                        rs.getBoolean(19)),
                invoiceId);
        return found.stream().findFirst().map(i -> i.withHistory(history(invoiceId)));
    }

    public List<StatusChange> history(String invoiceId) {
        return jdbc.query("""
                SELECT seq, changed_at, status, reform_code, actor, reason_code, message, source_flow_id, source_line,
                       lifecycle_report_id, declared_at
                FROM invoice_status_history WHERE invoice_id = ? ORDER BY seq""",
                (rs, n) -> new StatusChange(rs.getInt(1), instant(rs, 2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getObject(9, Integer.class), rs.getString(10), instant(rs, 11)),
                invoiceId);
    }

    /**
     * An invoice refused at integration: never an invoice (no status, no history), the refusal with the
     * reform's status 213 and reason, and the files of its flow.
     */
    @Override
    public Optional<RefusalDetail> refusal(String invoiceId) {
        return jdbc.query("""
                SELECT r.invoice_id, r.flow_id, r.doc_rank, r.invoice_number, r.supplier_id, r.buyer_id,
                       r.service_code, r.engagement_number, r.refusal_code, r.refusal_message, r.reform_status,
                       r.reform_reason, r.refused_at, f.archive_path, f.report_path, f.integration_report_path,
                       f.qualification
                FROM integration_refusal r JOIN flow f ON f.flow_id = r.flow_id WHERE r.invoice_id = ?""",
                (rs, n) -> new RefusalDetail(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getString(12), instant(rs, 13), rs.getString(14),
                        rs.getString(15), rs.getString(16), rs.getBoolean(17)),
                invoiceId).stream().findFirst();
    }

    /**
     * Invoices, and invoices refused at integration, matching every given criterion, the most recently
     * changed (or refused) first. A status filter selects invoices only; {@code refused} refusals only.
     */
    @Override
    public List<InvoiceSummary> list(InvoiceFilter filter) {
        List<Object> args = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        if (!filter.refused()) {
            StringBuilder invoices = new StringBuilder("""
                    SELECT invoice_id, invoice_number, supplier_id, COALESCE(recipient_siret, buyer_id) AS recipient,
                           status, status_changed_at AS changed_at, CAST(NULL AS VARCHAR(64)) AS refusal_code,
                           CAST(NULL AS VARCHAR(32)) AS reform_reason,
                           CASE WHEN %s THEN TRUE ELSE FALSE END AS awaits_status, qualification
                    FROM invoice WHERE 1 = 1""".formatted(AwaitedStatus.awaitedBy("invoice")));
            // before routing only the buyer id read from the invoice is known
            common(filter, invoices, args, "(recipient_siret = ? OR (recipient_siret IS NULL AND buyer_id = ?))",
                    "status_changed_at", "qualification");
            if (filter.status() != null) {
                invoices.append(" AND status = ?");
                args.add(filter.status());
            }
            if (filter.waitingOnly()) {
                invoices.append(" AND ").append(AwaitedStatus.awaitedBy("invoice"));
            }
            parts.add(invoices.toString());
        }
        // a refusal awaits nothing: it is never an invoice
        if (filter.status() == null && !filter.waitingOnly()) {
            StringBuilder refusals = new StringBuilder("""
                    SELECT invoice_id, invoice_number, supplier_id, buyer_id AS recipient, CAST(NULL AS CHAR(2)) AS status,
                           refused_at AS changed_at, refusal_code, reform_reason, FALSE AS awaits_status,
                           (SELECT f.qualification FROM flow f WHERE f.flow_id = integration_refusal.flow_id)
                    FROM integration_refusal WHERE 1 = 1""");
            common(filter, refusals, args, "(buyer_id = ? OR buyer_id = ?)", "refused_at",
                    "(SELECT f.qualification FROM flow f WHERE f.flow_id = integration_refusal.flow_id)");
            parts.add(refusals.toString());
        }
        if (parts.isEmpty()) {
            return List.of();
        }
        String sql = String.join(" UNION ALL ", parts) + " ORDER BY changed_at DESC, invoice_id DESC LIMIT ?";
        args.add(filter.limit());
        return jdbc.query(sql,
                (rs, n) -> new InvoiceSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs, 6), rs.getString(7), rs.getString(8), rs.getBoolean(9),
                        rs.getBoolean(10)),
                args.toArray());
    }

    private static void common(InvoiceFilter filter, StringBuilder sql, List<Object> args, String recipientMatch,
                               String changedAt, String qualification) {
        if (filter.environment() != null) {
            sql.append(" AND ").append(qualification).append(" = ?");
            args.add(filter.environment().isQualification());
        }
        if (filter.supplier() != null) {
            sql.append(" AND supplier_id = ?");
            args.add(filter.supplier());
        }
        if (filter.recipient() != null) {
            sql.append(" AND ").append(recipientMatch);
            args.add(filter.recipient());
            args.add(filter.recipient());
        }
        if (filter.since() != null) {
            sql.append(" AND ").append(changedAt).append(" >= ?");
            args.add(filter.since().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
    }

    @Override
    public Optional<FlowDetail> flow(String flowId) {
        List<FlowDetail> found = jdbc.query("""
                SELECT flow_id, partner, original_name, size_bytes, sha256, received_at, stage, flow_state,
                       status_code, syntax, interface_code, archive_path, report_path, integration_report_path,
                       channel, channel_session, qualification
                FROM flow WHERE flow_id = ?""",
                (rs, n) -> new FlowDetail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), instant(rs, 6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                        rs.getString(15), rs.getString(16), List.of(), rs.getBoolean(17)),
                flowId);
        return found.stream().findFirst().map(f -> f.withDocuments(documents(flowId)));
    }

    private List<FlowDocument> documents(String flowId) {
        return jdbc.query("""
                SELECT d.doc_rank, d.entry_name, d.decision, d.invoice_number,
                       (SELECT LISTAGG(DISTINCT ff.code, ' ') WITHIN GROUP (ORDER BY ff.code) FROM flow_finding ff
                         WHERE ff.flow_id = d.flow_id AND ff.doc_rank = d.doc_rank AND ff.severity = 'fatal'),
                       COALESCE(i.invoice_id, r.invoice_id), i.status, r.refusal_code
                FROM flow_document d LEFT JOIN invoice i ON i.flow_id = d.flow_id AND i.doc_rank = d.doc_rank
                     LEFT JOIN integration_refusal r ON r.flow_id = d.flow_id AND r.doc_rank = d.doc_rank
                WHERE d.flow_id = ? ORDER BY d.doc_rank""",
                (rs, n) -> new FlowDocument(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)),
                flowId);
    }

    /** Flows received, newest first, a page at a time; filters combine (null: any). */
    @Override
    public List<FlowSummary> flows(FlowFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + FLOW_SUMMARY_COLUMNS + " FROM flow WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.partner() != null) {
            sql.append(" AND partner = ?");
            args.add(filter.partner());
        }
        if (filter.state() != null) {
            sql.append(" AND flow_state = ?");
            args.add(filter.state());
        }
        if (filter.stage() != null) {
            sql.append(" AND stage = ?");
            args.add(filter.stage());
        }
        if (filter.environment() != null) {
            sql.append(" AND qualification = ?");
            args.add(filter.environment().isQualification());
        }
        if (filter.since() != null) {
            sql.append(" AND received_at >= ?");
            args.add(filter.since().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        sql.append(" ORDER BY received_at DESC, flow_id DESC LIMIT ? OFFSET ?");
        args.add(filter.size());
        args.add((long) filter.page() * filter.size());
        return jdbc.query(sql.toString(), FLOW_SUMMARIES, args.toArray());
    }

    /** Flows parked after a broken check (ERR_TECHNIQUE), waiting for an operator's retry, oldest first. */
    public List<FlowSummary> parkedFlows() {
        return jdbc.query("SELECT " + FLOW_SUMMARY_COLUMNS + " FROM flow WHERE stage = 'PARKED' ORDER BY flow_id",
                FLOW_SUMMARIES);
    }

    /** Flows whose id is the term or whose file name contains it, newest first. */
    public List<FlowSummary> flowsMatching(String term, int limit) {
        String like = "%" + term.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return jdbc.query("SELECT " + FLOW_SUMMARY_COLUMNS + " FROM flow WHERE flow_id = ? OR original_name LIKE ?"
                + " ESCAPE '!' ORDER BY received_at DESC LIMIT ?", FLOW_SUMMARIES, term, like, limit);
    }

    /** Where a lifecycle report was written (the supplier's out/), once it was. */
    public Optional<String> lifecycleReportPath(String reportId) {
        return jdbc.queryForList("SELECT file_path FROM lifecycle_report WHERE report_id = ? AND stage = 'WRITTEN'",
                String.class, reportId).stream().findFirst();
    }

    private static final String FLOW_SUMMARY_COLUMNS = "flow_id, partner, original_name, size_bytes, received_at,"
            + " stage, flow_state, status_code, parked_at, last_incident, qualification";

    private static final RowMapper<FlowSummary> FLOW_SUMMARIES = (rs, n) -> new FlowSummary(rs.getString(1),
            rs.getString(2), rs.getString(3), rs.getLong(4), instant(rs, 5), rs.getString(6), rs.getString(7),
            rs.getString(8), instant(rs, 9), rs.getString(10), rs.getBoolean(11));

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    /**
     * Criteria of {@link #flows}: null means any; {@code since} a UTC day of reception; pages from 0;
     * {@code environment} production or qualification (null: both).
     */
    public record FlowFilter(String partner, String state, String stage, LocalDate since, int page, int size,
                             Environment environment) {

        public FlowFilter(String partner, String state, String stage, LocalDate since, int page, int size) {
            this(partner, state, stage, since, page, size, null);
        }
    }

    /** One line of a list of flows: what was received, where it stands, and why it is parked if it is. */
    public record FlowSummary(String flowId, String partner, String originalName, long sizeBytes, Instant receivedAt,
                              String stage, String flowState, String statusCode, Instant parkedAt,
                              String lastIncident, boolean qualification) {
    }

    /**
     * Criteria of {@link #list}: null means any; {@code since} is a UTC day, on the last status change (the
     * platform's time) or the refusal; {@code waitingOnly} keeps the invoices still awaiting a status
     * ({@link AwaitedStatus}); {@code refused} lists only the invoices refused at integration; {@code environment}
     * production or qualification only (null: both, each line saying which).
     */
    public record InvoiceFilter(String supplier, String recipient, String status, LocalDate since, int limit,
                                boolean waitingOnly, boolean refused, Environment environment) {

        public InvoiceFilter(String supplier, String recipient, String status, LocalDate since, int limit,
                             boolean waitingOnly, boolean refused) {
            this(supplier, recipient, status, since, limit, waitingOnly, refused, null);
        }

        public InvoiceFilter(String supplier, String recipient, String status, LocalDate since, int limit) {
            this(supplier, recipient, status, since, limit, false, false);
        }

        public InvoiceFilter(String supplier, String recipient, String status, LocalDate since, int limit,
                             boolean waitingOnly) {
            this(supplier, recipient, status, since, limit, waitingOnly, false);
        }
    }

    /**
     * One line of a list: the recipient is the routed SIRET, or the buyer read from the invoice before routing.
     * An invoice refused at integration has no status but its refusal code and the reform's reason (213).
     * {@code awaitsStatus} false once nothing more is expected (a final status, or 10 at a structure that never
     * reports 11, or a refusal).
     */
    public record InvoiceSummary(String invoiceId, String invoiceNumber, String supplierId, String recipient,
                                 String status, Instant statusChangedAt, String refusalCode, String reformReason,
                                 boolean awaitsStatus, boolean qualification) {

        public InvoiceSummary(String invoiceId, String invoiceNumber, String supplierId, String recipient,
                              String status, Instant statusChangedAt, String refusalCode, String reformReason,
                              boolean awaitsStatus) {
            this(invoiceId, invoiceNumber, supplierId, recipient, status, statusChangedAt, refusalCode, reformReason,
                    awaitsStatus, false);
        }

        public boolean refusedAtIntegration() {
            return refusalCode != null;
        }
    }

    /** An invoice refused at integration by a platform check: what it said, why it was refused, its files. */
    public record RefusalDetail(String invoiceId, String flowId, int rank, String invoiceNumber, String supplierId,
                                String buyerId, String serviceCode, String engagementNumber, String refusalCode,
                                String refusalMessage, String reformStatus, String reformReason, Instant refusedAt,
                                String archivePath, String reportPath, String integrationReportPath,
                                boolean qualification) {
    }

    /** An invoice with where it came from, where it went, and every status it went through. */
    public record InvoiceDetail(String invoiceId, String flowId, int rank, String invoiceNumber, String supplierId,
                                String buyerId, String recipientSiret, String status, Instant statusChangedAt,
                                String serviceCode, String routedService, String engagementNumber,
                                String deliveryPath, String reasonCode, String reasonMessage, String archivePath,
                                String reportPath, String integrationReportPath, List<StatusChange> history,
                                boolean qualification) {

        InvoiceDetail withHistory(List<StatusChange> changes) {
            return new InvoiceDetail(invoiceId, flowId, rank, invoiceNumber, supplierId, buyerId, recipientSiret,
                    status, statusChangedAt, serviceCode, routedService, engagementNumber, deliveryPath, reasonCode,
                    reasonMessage, archivePath, reportPath, integrationReportPath, changes, qualification);
        }
    }

    /**
     * One row of {@code invoice_status_history}: with the status flow and line it came from (a recipient's or
     * supplier's file; null for the platform's own changes) and the lifecycle report that told the supplier
     * (null until one did).
     */
    public record StatusChange(int seq, Instant changedAt, String status, String reformCode, String actor,
                               String reasonCode, String message, String sourceFlowId, Integer sourceLine,
                               String lifecycleReportId, Instant declaredAt) {

        /** {@code <flowId>:<line>} of the status flow, or null. */
        public String source() {
            return sourceFlowId == null ? null : sourceFlowId + (sourceLine == null ? "" : ":" + sourceLine);
        }
    }

    /**
     * A flow as received (and how: its channel, {@code folder} or {@code sftp}, and the channel's session
     * reference), its verdict, its reports and its documents.
     */
    public record FlowDetail(String flowId, String partner, String originalName, long sizeBytes, String sha256,
                             Instant receivedAt, String stage, String flowState, String statusCode, String syntax,
                             String interfaceCode, String archivePath, String reportPath,
                             String integrationReportPath, String channel, String channelSession,
                             List<FlowDocument> documents, boolean qualification) {

        FlowDetail withDocuments(List<FlowDocument> docs) {
            return new FlowDetail(flowId, partner, originalName, sizeBytes, sha256, receivedAt, stage, flowState,
                    statusCode, syntax, interfaceCode, archivePath, reportPath, integrationReportPath, channel,
                    channelSession, docs, qualification);
        }
    }

    /**
     * A document of a flow: the deposit decision, its fatal codes, and its invoice once integrated, or its
     * refusal code once refused at integration (else nulls).
     */
    public record FlowDocument(int rank, String entryName, String decision, String invoiceNumber, String fatalCodes,
                               String invoiceId, String invoiceStatus, String refusalCode) {
    }
}
