package org.achemine.intake;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.achemine.channel.ChannelArrivals.Arrival;
import org.achemine.database.DatabaseSequence;
import org.achemine.database.DatabaseVendor;
import org.achemine.qualification.Environment;
import org.achemine.validation.AcceptancePolicy;
import org.achemine.validation.DocumentVerdict;
import org.achemine.validation.Finding;
import org.achemine.validation.FlowState;
import org.achemine.validation.FlowVerdict;
import org.achemine.validation.InvoiceFacts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database record of every flow taken (tables of {@code V1__intake.sql}). Each method is one
 * committed transaction, so a crash leaves each flow at a well-defined {@link FlowStage}.
 */
public class FlowRegistry {

    private static final String FLOW_COLUMNS =
            "flow_id, partner, original_name, source_path, size_bytes, sha256, received_at, archive_path, qualification";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final DatabaseSequence flowSequence;
    private volatile DatabaseVendor vendor;

    public FlowRegistry(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.flowSequence = new DatabaseSequence(jdbc, "flow_sequence");
    }

    /**
     * Forces every commit made so far to the disk, so it survives a power cut. H2 writes each commit to its file
     * at once ({@code WRITE_DELAY=0}: a killed process loses nothing) but leaves it to the operating system to
     * reach the disk; {@code CHECKPOINT SYNC} forces it. The intake calls it once the flow's row is committed and
     * before the partner's file leaves {@code in/}: until then a lost row is no loss (the file is still there).
     * A database that syncs each commit itself (PostgreSQL with its defaults) needs nothing here.
     */
    public void forceToDisk() {
        if (vendor == null) {
            vendor = DatabaseVendor.of(jdbc);
        }
        if (vendor == DatabaseVendor.H2) {
            jdbc.execute("CHECKPOINT SYNC");
        }
    }

    /** The next value of the flow sequence: never handed out twice, even across crashes. */
    public long nextSequence() {
        return flowSequence.next();
    }

    /** {@code count} next values of the flow sequence in one statement, increasing: a group take's ids. */
    public long[] nextSequences(int count) {
        return flowSequence.next(count);
    }

    public void insertReceived(ReceivedFlow flow) {
        insertReceived(flow, Arrival.FOLDER);
    }

    /** Records a flow taken, with how it reached {@code in/} (the channel is a recorded fact, nothing more). */
    public void insertReceived(ReceivedFlow flow, Arrival arrival) {
        jdbc.update(INSERT_RECEIVED, receivedRow(flow, arrival));
    }

    private static final String INSERT_RECEIVED = "INSERT INTO flow (" + FLOW_COLUMNS
            + ", interface_number, stage, channel, channel_session, flow_sequence)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The values of a received flow's row, in {@link #INSERT_RECEIVED}'s order. */
    private static Object[] receivedRow(ReceivedFlow flow, Arrival arrival) {
        return new Object[] {flow.flowId().value(), flow.partner(), flow.originalName(), flow.sourcePath().toString(),
                flow.size(), flow.sha256(), utc(flow.receivedAt()), flow.archivePath().toString(),
                flow.environment().isQualification(), flow.flowId().interfaceNumber(), FlowStage.RECEIVED.name(),
                arrival.channel().code(), arrival.session(), flow.flowId().sequence()};
    }

    /** A flow to record with how it reached {@code in/}: one row of a group take. */
    public record Reception(ReceivedFlow flow, Arrival arrival) {
    }

    /**
     * Records a group of flows taken together in one transaction (one JDBC batch, one commit): all or none.
     * The intake then forces the group to disk once ({@link #forceToDisk}) instead of once per flow.
     */
    public void insertReceived(List<Reception> group) {
        transactions.executeWithoutResult(status -> jdbc.batchUpdate(INSERT_RECEIVED, group, group.size(),
                (statement, reception) -> {
                    Object[] values = receivedRow(reception.flow(), reception.arrival());
                    for (int i = 0; i < values.length; i++) {
                        StatementCreatorUtils.setParameterValue(statement, i + 1, SqlTypeValue.TYPE_UNKNOWN, values[i]);
                    }
                }));
    }

    /**
     * The interrupted takes (recorded, source not removed) of these names in one mailbox, in one look-up per
     * group: the caller matches each file's SHA-256 ({@link #findInterruptedTake} for one file). One range read per
     * name of {@code flow_by_name} (V245: the name first, so that the list is read on the index).
     */
    public List<ReceivedFlow> interruptedTakes(String partner, Environment environment, List<String> originalNames) {
        if (originalNames.isEmpty()) {
            return List.of();
        }
        List<Object> arguments = new ArrayList<>(originalNames.size() + 2);
        arguments.add(partner);
        arguments.add(environment.isQualification());
        arguments.addAll(originalNames);
        return jdbc.query("SELECT " + FLOW_COLUMNS + " FROM flow WHERE partner = ? AND qualification = ?"
                + " AND original_name IN (" + "?, ".repeat(originalNames.size() - 1) + "?)"
                + " AND source_removed = FALSE ORDER BY flow_id", FLOWS, arguments.toArray());
    }

    /**
     * A flow whose take was interrupted (recorded, but its source not yet removed from {@code in/}) with
     * this partner, name and content: the file in {@code in/} is that flow, not a new one.
     */
    public Optional<ReceivedFlow> findInterruptedTake(String partner, Environment environment, String originalName,
                                                     String sha256) {
        if (sha256 == null) { // taken unread (link, special or oversized file): no content to compare
            return jdbc.query("SELECT " + FLOW_COLUMNS + " FROM flow WHERE partner = ? AND qualification = ?"
                    + " AND original_name = ? AND sha256 IS NULL AND source_removed = FALSE ORDER BY flow_id", FLOWS,
                    partner, environment.isQualification(), originalName).stream().findFirst();
        }
        return jdbc.query("SELECT " + FLOW_COLUMNS + " FROM flow WHERE partner = ? AND qualification = ?"
                + " AND original_name = ? AND sha256 = ? AND source_removed = FALSE ORDER BY flow_id", FLOWS,
                partner, environment.isQualification(), originalName, sha256).stream().findFirst();
    }

    /**
     * The first flow this partner sent before {@code flowId} (by sequence) with exactly the same content, if
     * any: a file sent twice under two names. One range read of the index on (partner, qualification, sha256,
     * flow_sequence) (V150), whatever the number of earlier copies.
     */
    public Optional<ReceivedFlow> earlierFlowWithSameContent(FlowId flowId, String partner, Environment environment,
                                                            String sha256) {
        return jdbc.query("SELECT " + FLOW_COLUMNS + " FROM flow WHERE partner = ? AND qualification = ? AND sha256 = ?"
                + " AND flow_sequence < ? ORDER BY flow_sequence FETCH FIRST 1 ROWS ONLY",
                FLOWS, partner, environment.isQualification(), sha256, flowId.sequence()).stream().findFirst();
    }

    /** A flow of the same partner and content received before another: who sent it first, under which name. */
    public record EarlierCopy(FlowId flowId, String originalName) {
    }

    /** Where a flow stands, with its first earlier copy if it has content ({@link #earlierFlowWithSameContent}). */
    public record Progress(FlowStage stage, Optional<EarlierCopy> earlierCopy) {
    }

    /**
     * The flow's stage and its first earlier copy in one read (the deposit workers' one statement per flow before
     * validating): the same index range read as {@link #earlierFlowWithSameContent}, for a flow with content.
     */
    public Progress progress(FlowId flowId) {
        return jdbc.queryForObject("SELECT f.stage, e.flow_id, e.original_name FROM flow f LEFT JOIN flow e"
                + " ON f.size_bytes > 0 AND e.flow_id = (SELECT c.flow_id FROM flow c WHERE c.partner = f.partner"
                + " AND c.qualification = f.qualification AND c.sha256 = f.sha256 AND c.flow_sequence < ?"
                + " ORDER BY c.flow_sequence FETCH FIRST 1 ROWS ONLY) WHERE f.flow_id = ?",
                FlowRegistry::progress, flowId.sequence(), flowId.value());
    }

    private static Progress progress(ResultSet row, int rowNumber) throws SQLException {
        String earlier = row.getString(2);
        return new Progress(FlowStage.valueOf(row.getString(1)), earlier == null ? Optional.empty()
                : Optional.of(new EarlierCopy(new FlowId(earlier), row.getString(3))));
    }

    public void markSourceRemoved(FlowId flowId) {
        requireOne(jdbc.update("UPDATE flow SET source_removed = TRUE WHERE flow_id = ?", flowId.value()), flowId);
    }

    /**
     * Marks the sources of a group take removed from {@code in/}, in one transaction (one commit): one statement
     * per {@value #MARKS_PER_STATEMENT} flows, each row found by its key.
     */
    public void markSourcesRemoved(List<FlowId> flowIds) {
        transactions.executeWithoutResult(status -> {
            for (int from = 0; from < flowIds.size(); from += MARKS_PER_STATEMENT) {
                List<FlowId> part = flowIds.subList(from, Math.min(flowIds.size(), from + MARKS_PER_STATEMENT));
                int updated = jdbc.update("UPDATE flow SET source_removed = TRUE WHERE flow_id IN ("
                        + "?, ".repeat(part.size() - 1) + "?)", part.stream().map(FlowId::value).toArray());
                if (updated != part.size()) {
                    throw new IllegalStateException("Flows " + part + " are not all recorded (" + updated
                            + " rows updated)");
                }
            }
        });
    }

    private static final int MARKS_PER_STATEMENT = 500;

    /** Flows whose take is interrupted: recorded, source not yet removed. */
    public List<ReceivedFlow> interruptedTakes() {
        return jdbc.query("SELECT " + FLOW_COLUMNS + " FROM flow WHERE source_removed = FALSE ORDER BY flow_id", FLOWS);
    }

    /** Flows fully taken whose deposit report is not yet in {@code out/}, oldest first. */
    public List<ReceivedFlow> unreported() {
        return jdbc.query("SELECT " + FLOW_COLUMNS + " FROM flow WHERE source_removed = TRUE AND stage NOT IN (?, ?)"
                + " ORDER BY flow_id", FLOWS, FlowStage.REPORTED.name(), FlowStage.PARKED.name());
    }

    /** Unreported flows on which a technical fault was met: tried again periodically. */
    public List<ReceivedFlow> awaitingRetry() {
        return jdbc.query("SELECT " + FLOW_COLUMNS + " FROM flow WHERE source_removed = TRUE AND stage NOT IN (?, ?)"
                + " AND last_incident IS NOT NULL ORDER BY flow_id", FLOWS, FlowStage.REPORTED.name(),
                FlowStage.PARKED.name());
    }

    /** Counts an attempt whose validation broke, with its incident; returns how many there were so far. */
    public int recordFailedAttempt(FlowId flowId, String incidentId) {
        requireOne(jdbc.update("UPDATE flow SET failed_attempts = failed_attempts + 1, last_incident = ? WHERE flow_id = ?",
                incidentId, flowId.value()), flowId);
        return jdbc.queryForObject("SELECT failed_attempts FROM flow WHERE flow_id = ?", Integer.class, flowId.value());
    }

    /** Answered with an incident report: left alone until an operator retries it. */
    public void park(FlowId flowId, Path incidentReport, Instant parkedAt) {
        requireOne(jdbc.update("UPDATE flow SET stage = ?, parked_at = ?, report_path = ? WHERE flow_id = ?",
                FlowStage.PARKED.name(), utc(parkedAt), incidentReport.toString(), flowId.value()), flowId);
    }

    /**
     * Hands parked flows back to intake (the operator's {@code flow retry}): validated again, with a fresh count
     * of attempts, at the engine's next start (the command runs on a stopped engine: one process opens the H2 file).
     *
     * @param flowId one flow, or null for every parked flow
     * @return the flows handed back
     */
    public List<String> retryParked(String flowId) {
        List<String> parked = jdbc.queryForList("SELECT flow_id FROM flow WHERE stage = ?"
                + (flowId == null ? "" : " AND flow_id = ?") + " ORDER BY flow_id", String.class,
                flowId == null ? new Object[] {FlowStage.PARKED.name()} : new Object[] {FlowStage.PARKED.name(), flowId});
        for (String id : parked) {
            jdbc.update("UPDATE flow SET stage = ?, failed_attempts = 0, parked_at = NULL, report_path = NULL"
                    + " WHERE flow_id = ? AND stage = ?", FlowStage.RECEIVED.name(), id, FlowStage.PARKED.name());
        }
        return parked;
    }

    public Optional<ReceivedFlow> find(FlowId flowId) {
        return jdbc.query("SELECT " + FLOW_COLUMNS + " FROM flow WHERE flow_id = ?", FLOWS, flowId.value())
                .stream().findFirst();
    }

    public FlowStage stage(FlowId flowId) {
        return FlowStage.valueOf(jdbc.queryForObject("SELECT stage FROM flow WHERE flow_id = ?", String.class,
                flowId.value()));
    }

    /** The flow's state once its verdict is recorded (stage REPORT_READY or later). */
    public FlowState state(FlowId flowId) {
        return FlowState.valueOf(jdbc.queryForObject("SELECT flow_state FROM flow WHERE flow_id = ?", String.class,
                flowId.value()));
    }

    public Optional<Path> reportPath(FlowId flowId) {
        return Optional.ofNullable(jdbc.queryForObject("SELECT report_path FROM flow WHERE flow_id = ?",
                String.class, flowId.value())).map(Path::of);
    }

    /**
     * Records the verdict, its documents (with the business facts routing needs), their finding codes and
     * the path of the report written for it (stage REPORT_READY), in one transaction, for a flow still
     * {@code RECEIVED}. Such a flow has no document or finding rows: they are only ever committed with the stage
     * {@code REPORT_READY} (an attempt cut short left none), so nothing is deleted first; a flow found past
     * {@code RECEIVED} fails the transaction whole.
     */
    public void recordVerdict(FlowId flowId, FlowVerdict verdict, AcceptancePolicy policy, Instant validatedAt,
                              Path reportPath) {
        VerdictRows rows = new VerdictRows();
        rows.add(flowId, verdict, policy, validatedAt, reportPath);
        transactions.executeWithoutResult(status -> rows.write());
    }

    /**
     * {@link #recordVerdict} in the caller's transaction, written with every other verdict so recorded in it just
     * before it commits: an answer group's flows, whose verdicts ride the commit that journals their reports
     * {@code PENDING} (ADR 0001, « One commit per answer group »), cost one JDBC batch per table for the group
     * (documents, findings, flows) instead of three statements each. Each verdict is in the same commit as before;
     * a flow not {@code RECEIVED} fails that commit whole, as its own update did. These rows are written before
     * any REPORTED mark of the same commit ({@link #markReportedAtCommit}). Nothing in that transaction may read
     * these flows' rows after recording them. Outside a transaction, at once in a transaction of its own.
     */
    public void recordVerdictAtCommit(FlowId flowId, FlowVerdict verdict, AcceptancePolicy policy,
                                      Instant validatedAt, Path reportPath) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            recordVerdict(flowId, verdict, policy, validatedAt, reportPath);
            return;
        }
        boundToTransaction(verdictsAtCommit, VerdictsAtCommit::new).rows.add(flowId, verdict, policy, validatedAt,
                reportPath);
    }

    /** The key of the verdicts waiting for the current transaction's commit ({@link #recordVerdictAtCommit}). */
    private final Object verdictsAtCommit = new Object();

    /** The verdicts one transaction records, written together before it commits, before its REPORTED marks. */
    private final class VerdictsAtCommit implements TransactionSynchronization {

        final VerdictRows rows = new VerdictRows();

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE; // a flow's verdict before its REPORTED mark, were both in one commit
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            rows.write();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(verdictsAtCommit);
        }
    }

    private static final String UPDATE_VERDICT = "UPDATE flow SET stage = ?, flow_kind = ?, syntax = ?,"
            + " interface_code = ?, flow_state = ?, status_code = ?, validated_at = ?, report_path = ?"
            + " WHERE flow_id = ? AND stage = '" + FlowStage.RECEIVED.name() + "'";

    private static final String INSERT_DOCUMENT = "INSERT INTO flow_document (flow_id, doc_rank, entry_name, syntax,"
            + " decision, invoice_number, issue_date, type_code, currency, supplier_id, buyer_id, service_code,"
            + " engagement_number, total_with_vat, supplier_name, supplier_scheme, billing_framework)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String INSERT_FINDING = "INSERT INTO flow_finding (flow_id, doc_rank, finding_rank, code,"
            + " severity, source) VALUES (?, ?, ?, ?, ?, ?)";

    /** Verdicts' rows for one transaction: one JDBC batch per table, whatever the number of flows. */
    private final class VerdictRows {

        private final List<Object[]> documents = new ArrayList<>();
        private final List<Object[]> findings = new ArrayList<>();
        private final List<Object[]> flows = new ArrayList<>();
        private final List<FlowId> flowIds = new ArrayList<>();

        void add(FlowId flowId, FlowVerdict verdict, AcceptancePolicy policy, Instant validatedAt, Path reportPath) {
            FlowState state = policy.flowState(verdict);
            addDocuments(documents, findings, flowId, verdict, policy);
            flows.add(new Object[] {FlowStage.REPORT_READY.name(), verdict.kind().name(),
                verdict.syntax() == null ? null : verdict.syntax().chorusSyntax(),
                verdict.syntax() == null ? null : verdict.syntax().interfaceCode(),
                state.name(), state.statusCode(), utc(validatedAt), reportPath.toString(), flowId.value()});
            flowIds.add(flowId);
        }

        /** Documents, findings, then the flows' stage: a flow found past RECEIVED fails the transaction whole. */
        void write() {
            if (!documents.isEmpty()) {
                jdbc.batchUpdate(INSERT_DOCUMENT, documents);
            }
            if (!findings.isEmpty()) {
                jdbc.batchUpdate(INSERT_FINDING, findings);
            }
            int[] updated = jdbc.batchUpdate(UPDATE_VERDICT, flows);
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] != 1) {
                    throw new IllegalStateException("Flow " + flowIds.get(i) + " is not recorded, or no longer"
                            + " RECEIVED: its verdict is never recorded twice");
                }
            }
        }
    }

    /**
     * Records a processed status flow's state and report path (stage REPORT_READY). Joins the caller's
     * transaction, so the status changes the flow applied and this stage commit together. A status flow has
     * no invoices to register: it is marked so, and routing's trigger never waits for it.
     */
    public void recordStatusFlowProcessed(FlowId flowId, FlowState state, String syntax, Instant processedAt,
                                          Path reportPath) {
        requireOne(jdbc.update("UPDATE flow SET stage = ?, flow_kind = ?, syntax = ?, flow_state = ?, status_code = ?,"
                        + " validated_at = ?, report_path = ?, invoices_registered = TRUE WHERE flow_id = ?",
                FlowStage.REPORT_READY.name(), "STATUS", syntax, state.name(), state.statusCode(), utc(processedAt),
                reportPath.toString(), flowId.value()), flowId);
    }

    /** The state recorded with a flow's verdict. */
    public FlowState flowState(FlowId flowId) {
        return FlowState.valueOf(jdbc.queryForObject("SELECT flow_state FROM flow WHERE flow_id = ?", String.class,
                flowId.value()));
    }

    /** When a flow was validated or processed, if it was. */
    public Optional<Instant> processedAt(FlowId flowId) {
        return jdbc.query("SELECT validated_at FROM flow WHERE flow_id = ? AND validated_at IS NOT NULL",
                (rs, i) -> rs.getObject(1, OffsetDateTime.class).toInstant(), flowId.value()).stream().findFirst();
    }

    public void markReported(FlowId flowId, Instant reportedAt) {
        requireOne(jdbc.update("UPDATE flow SET stage = ?, reported_at = ? WHERE flow_id = ?",
                FlowStage.REPORTED.name(), utc(reportedAt), flowId.value()), flowId);
    }

    /**
     * Marks the flow REPORTED in the caller's transaction, with one batched statement for every flow so marked in
     * it, run just before it commits: an answer group's flows, whose marks ride one commit (ADR 0001, « One commit
     * per answer group »), cost one round of the statement instead of one statement each. Each mark is in the same
     * commit as before and keeps its own time; a flow not recorded fails that commit whole, as its own update did.
     * Nothing in that transaction may read these flows' stage after marking them. Outside a transaction, at once.
     */
    public void markReportedAtCommit(FlowId flowId, Instant reportedAt) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            markReported(flowId, reportedAt);
            return;
        }
        boundToTransaction(reportedAtCommit, ReportedAtCommit::new).add(flowId, reportedAt);
    }

    /**
     * The current transaction's rows waiting under {@code key} for its commit: made and registered with the
     * transaction on first use, unbound by the synchronization itself once the transaction completes.
     */
    @SuppressWarnings("unchecked")
    private static <T extends TransactionSynchronization> T boundToTransaction(Object key, Supplier<T> fresh) {
        T waiting = (T) TransactionSynchronizationManager.getResource(key);
        if (waiting == null) {
            waiting = fresh.get();
            TransactionSynchronizationManager.bindResource(key, waiting);
            TransactionSynchronizationManager.registerSynchronization(waiting);
        }
        return waiting;
    }

    /** The key of the marks waiting for the current transaction's commit ({@link #markReportedAtCommit}). */
    private final Object reportedAtCommit = new Object();

    /** The flows one transaction marks REPORTED, each with its own time, updated together before it commits. */
    private final class ReportedAtCommit implements TransactionSynchronization {

        private final List<Object[]> marks = new ArrayList<>();

        void add(FlowId flowId, Instant at) {
            marks.add(new Object[] {FlowStage.REPORTED.name(), utc(at), flowId.value()});
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            int[] updated = jdbc.batchUpdate("UPDATE flow SET stage = ?, reported_at = ? WHERE flow_id = ?", marks);
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] != 1) {
                    throw new IllegalStateException("Flow " + marks.get(i)[2] + " is not recorded (" + updated[i]
                            + " rows updated): the flows of this commit are not all recorded, none is marked"
                            + " REPORTED");
                }
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(reportedAtCommit);
        }
    }

    public void recordIncident(FlowId flowId, String incidentId) {
        jdbc.update("UPDATE flow SET last_incident = ? WHERE flow_id = ?", incidentId, flowId.value());
    }

    /** The flow's documents and all their findings, as rows of {@link #INSERT_DOCUMENT} and {@link #INSERT_FINDING}. */
    private static void addDocuments(List<Object[]> documents, List<Object[]> findings, FlowId flowId,
                                     FlowVerdict verdict, AcceptancePolicy policy) {
        addFindings(findings, flowId, 0, verdict.flowFindings());
        for (int i = 0; i < verdict.documents().size(); i++) {
            DocumentVerdict document = verdict.documents().get(i);
            InvoiceFacts facts = document.facts();
            documents.add(new Object[] {flowId.value(), i + 1, document.name(),
                document.syntax() == null ? null : document.syntax().chorusSyntax(),
                policy.accepts(document) ? "ACCEPTED" : "REJECTED",
                facts == null ? null : facts.invoiceNumber(),
                new SqlParameterValue(Types.DATE, facts == null ? null : facts.issueDate()),
                facts == null ? null : facts.typeCode(), facts == null ? null : facts.currency(),
                facts == null ? null : facts.supplierId(), facts == null ? null : facts.buyerId(),
                facts == null ? null : facts.serviceCode(), facts == null ? null : facts.engagementNumber(),
                new SqlParameterValue(Types.DECIMAL, facts == null ? null : facts.totalWithVat()),
                facts == null || facts.supplierName() == null ? null : truncate(facts.supplierName(), 200),
                facts == null || facts.supplierIdScheme() == null ? null : truncate(facts.supplierIdScheme(), 8),
                facts == null || facts.billingFramework() == null ? null : truncate(facts.billingFramework(), 8)});
            addFindings(findings, flowId, i + 1, document.findings().toList());
        }
    }

    private static void addFindings(List<Object[]> rows, FlowId flowId, int docRank, List<Finding> findings) {
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            rows.add(new Object[] {flowId.value(), docRank, i + 1, truncate(finding.code(), 64),
                finding.severity().token(), finding.source().token()});
        }
    }

    private static final RowMapper<ReceivedFlow> FLOWS = FlowRegistry::flow;

    private static ReceivedFlow flow(ResultSet row, int rowNumber) throws SQLException {
        return new ReceivedFlow(new FlowId(row.getString("flow_id")), row.getString("partner"),
                row.getString("original_name"), Path.of(row.getString("source_path")), row.getLong("size_bytes"),
                row.getString("sha256"), row.getObject("received_at", OffsetDateTime.class).toInstant(),
                Path.of(row.getString("archive_path")), Environment.of(row.getBoolean("qualification")));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static void requireOne(int updated, FlowId flowId) {
        if (updated != 1) {
            throw new IllegalStateException("Flow " + flowId + " is not recorded (" + updated + " rows updated)");
        }
    }
}
