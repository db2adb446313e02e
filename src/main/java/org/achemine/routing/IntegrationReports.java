package org.achemine.routing;

import static org.achemine.publication.PublicationJournal.NO_RECORD;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.achemine.config.AchemineProperties.Partner;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.mailbox.Mailboxes;
import org.achemine.publication.PublicationJournal;
import org.achemine.publication.PublicationJournal.Group;
import org.achemine.publication.PublicationJournal.Publication;
import org.achemine.publication.PublicationKind;
import org.achemine.qualification.Environment;
import org.achemine.report.DepositReport;
import org.achemine.report.FlowStatutReports;
import org.achemine.report.IntegratedFlow;
import org.achemine.report.IntegratedFlow.IntegratedDocument;
import org.achemine.report.IntegrationReport;
import org.achemine.report.ReportedFlow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Writes the integration report of every flow whose accepted documents have all been decided (integrated,
 * or refused at integration), once: the file names are fixed by the flow, published through the journal, and the
 * flow is marked in the commit that marks its last report published. Due flows go by groups (ADR 0026): loaded
 * together, every official CPPStatut of the group published with {@link PublicationJournal#publishGroups}, then
 * every detailed report with the flows' marks, one commit per round (each carrying the marks of the round
 * before); a flow that fails fails alone and is written by a later run.
 */
public class IntegrationReports {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrationReports.class);

    private final JdbcTemplate jdbc;
    private final IntegrationReport report;
    private final FlowStatutReports officialReports;
    private final Mailboxes mailboxes;
    private final Clock clock;
    private final PublicationJournal publications;
    private final int groupSize;

    /** @param groupSize most flows whose reports share their commits and syncs (1: each flow on its own) */
    public IntegrationReports(JdbcTemplate jdbc, IntegrationReport report, FlowStatutReports officialReports,
                              Mailboxes mailboxes, Clock clock, PublicationJournal publications, int groupSize) {
        if (groupSize < 1) {
            throw new IllegalArgumentException("achemine.routing.report-group-size must be at least 1");
        }
        this.officialReports = officialReports;
        this.publications = publications;
        this.jdbc = jdbc;
        this.report = report;
        this.mailboxes = mailboxes;
        this.clock = clock;
        this.groupSize = groupSize;
    }

    /**
     * Marks the reported flows whose accepted documents are all integrated or refused (flows without any
     * accepted document included); returns how many.
     */
    public int markDecidedFlows() {
        return jdbc.update("""
                UPDATE flow f SET invoices_registered = TRUE
                WHERE f.stage = 'REPORTED' AND f.invoices_registered = FALSE
                  AND NOT EXISTS (SELECT 1 FROM flow_document d WHERE d.flow_id = f.flow_id AND d.decision = 'ACCEPTED'
                      AND NOT EXISTS (SELECT 1 FROM invoice i WHERE i.flow_id = d.flow_id AND i.doc_rank = d.doc_rank)
                      AND NOT EXISTS (SELECT 1 FROM integration_refusal r
                                      WHERE r.flow_id = d.flow_id AND r.doc_rank = d.doc_rank))""");
    }

    /**
     * Writes the reports that are due, a group of flows at a time; returns how many flows were reported.
     *
     * @throws IOException when some flows could not be reported (after every other flow was): they stay due
     */
    public int writeDue() throws IOException {
        return writeDue(() -> false);
    }

    /**
     * {@link #writeDue()}, ending between two groups once {@code stopping} says so (the engine's stop): a group
     * begun is finished, the flows not begun stay due for the next run. Returns how many flows were reported.
     */
    public int writeDue(BooleanSupplier stopping) throws IOException {
        List<String> due = jdbc.queryForList("""
                SELECT f.flow_id FROM flow f
                WHERE f.invoices_registered = TRUE AND f.integration_reported_at IS NULL
                  AND (EXISTS (SELECT 1 FROM invoice i WHERE i.flow_id = f.flow_id)
                       OR EXISTS (SELECT 1 FROM integration_refusal r WHERE r.flow_id = f.flow_id))
                ORDER BY f.flow_id""", String.class);
        Map<String, Exception> failed = new LinkedHashMap<>();
        Owed owed = Owed.NONE;
        int begun = 0;
        for (; begun < due.size() && !stopping.getAsBoolean(); begun += groupSize) {
            owed = writeGroup(loadAll(due.subList(begun, Math.min(due.size(), begun + groupSize))), owed, failed);
        }
        commitAlone(owed, failed);
        int written = Math.min(begun, due.size()) - failed.size();
        if (!failed.isEmpty()) {
            IOException summary = new IOException(failed.size() + " of " + due.size()
                    + " integration reports could not be written (left for the next run), first "
                    + failed.keySet().iterator().next() + ": " + failed.values().iterator().next().getMessage());
            failed.values().forEach(summary::addSuppressed);
            throw summary;
        }
        return written;
    }

    /**
     * A group's detailed reports renamed into place, their {@code PUBLISHED} marks and the flows' rows still to
     * commit: the next group's first commit carries them, or they are committed alone after the last group.
     */
    private record Owed(PublicationJournal.Renamed renamed, List<String> flowIds) {

        static final Owed NONE = new Owed(PublicationJournal.Renamed.NONE, List.of());
    }

    private void commitAlone(Owed owed, Map<String, Exception> failed) {
        try {
            publications.markPublished(owed.renamed());
        } catch (RuntimeException notCommitted) {
            LOG.warn("Integration reports of {} flows out, not marked (next run): {}", owed.flowIds().size(),
                    notCommitted.getMessage());
            owed.flowIds().forEach(flowId -> failed.put(flowId, notCommitted));
        }
    }

    /**
     * Two rounds of {@link PublicationJournal#publishGroups(List, PublicationJournal.Renamed)}, one commit each
     * (ADR 0026, "One commit per round"): the official CPPStatut of every flow, journaled in the commit that marks
     * the previous group's detailed reports published and its flows reported; then the detailed companion of those
     * whose partner asks for it, journaled in the commit that marks the official reports published. A detailed
     * report is journaled only once its official one is published, so the official one always reaches
     * {@code out/} first, even across a restart. The failed flows go into {@code failed}; returns what this group
     * owes: its detailed reports' marks and its flows' rows.
     */
    private Owed writeGroup(List<IntegratedFlow> flows, Owed owed, Map<String, Exception> failed) {
        Instant now = clock.instant();
        List<IntegratedFlow> officialDone = new ArrayList<>();
        List<Group> officials = new ArrayList<>();
        for (IntegratedFlow flow : flows) {
            Path official = outOf(flow).resolve(FlowStatutReports.integrationFileName(flow.flow().flowId()));
            officials.add(new Group(List.of(new Publication(PublicationKind.INTEGRATION_CPPSTATUT,
                    flow.flow().flowId(), official, () -> officialReports.toXml(officialReports.integration(flow, now)))),
                    NO_RECORD, NO_RECORD));
        }
        PublicationJournal.Answered first = publications.publishGroups(officials, owed.renamed());
        if (first.owedFailure() != null) {
            owed.flowIds().forEach(flowId -> failed.put(flowId, first.owedFailure()));
        }
        sortOut(flows, first.failures(), officialDone, failed);
        List<Group> detailed = new ArrayList<>();
        for (IntegratedFlow flow : officialDone) {
            Path out = outOf(flow);
            Path target = out.resolve(FlowStatutReports.integrationFileName(flow.flow().flowId()));
            List<Publication> companion = List.of();
            if (mailboxes.partner(flow.flow().partner()).map(Partner::wantsDetailedReports).orElse(true)) {
                // the flow records the detailed report when there is one
                target = out.resolve(IntegrationReport.fileName(flow.flow().flowId(), flow.flow().originalName()));
                companion = List.of(new Publication(PublicationKind.INTEGRATION_REPORT, flow.flow().flowId(), target,
                        () -> report.toXml(flow, now)));
            }
            String recorded = target.toString();
            detailed.add(new Group(companion, NO_RECORD, () -> jdbc.update(
                    "UPDATE flow SET integration_report_path = ?, integration_reported_at = ? WHERE flow_id = ?",
                    recorded, Timestamp.from(now), flow.flow().flowId())));
        }
        PublicationJournal.Answered second = publications.publishGroups(detailed, first.renamed());
        List<IntegratedFlow> detailedDone = new ArrayList<>();
        sortOut(officialDone, second.failures(), detailedDone, failed);
        return new Owed(second.renamed(), second.renamed().isEmpty() ? List.of()
                : detailedDone.stream().map(flow -> flow.flow().flowId()).toList());
    }

    private static void sortOut(List<IntegratedFlow> flows, List<Exception> failures, List<IntegratedFlow> done,
                                Map<String, Exception> failed) {
        for (int i = 0; i < flows.size(); i++) {
            if (failures.get(i) == null) {
                done.add(flows.get(i));
            } else {
                LOG.warn("Integration report of flow {} not written (next run): {}", flows.get(i).flow().flowId(),
                        failures.get(i).getMessage());
                failed.put(flows.get(i).flow().flowId(), failures.get(i));
            }
        }
    }

    private Path outOf(IntegratedFlow flow) {
        return mailboxes.out(flow.flow().partner(), flow.flow().environment());
    }

    /** How a qualification invoice that passed every check ends (ADR 0025), said in its integration report. */
    static final String QUALIFICATION_END =
            " (qualification : acceptée, contrôles d'intégration passés ; jamais transmise au destinataire)";

    /** The flows and their documents in two queries, in the order asked. */
    List<IntegratedFlow> loadAll(List<String> flowIds) {
        String in = String.join(", ", Collections.nCopies(flowIds.size(), "?"));
        Object[] ids = flowIds.toArray();
        Map<String, IntegratedFlow> headers = new HashMap<>();
        jdbc.query("SELECT flow_id, original_name, partner, sha256, size_bytes, received_at, syntax, interface_code,"
                        + " qualification FROM flow WHERE flow_id IN (" + in + ")",
                (RowCallbackHandler) rs -> headers.put(rs.getString(1), new IntegratedFlow(new ReportedFlow(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getTimestamp(6).toInstant(), Environment.of(rs.getBoolean(9))), rs.getString(7),
                        rs.getString(8), List.of())),
                ids);
        Map<String, List<IntegratedDocument>> documents = new HashMap<>();
        jdbc.query("""
                SELECT d.flow_id, d.doc_rank, d.entry_name, d.syntax, d.invoice_number, d.supplier_id, d.buyer_id,
                       i.invoice_id, i.status, r.refusal_code, r.refusal_message, r.reform_status, r.reform_reason,
                       (SELECT ff.code FROM flow_finding ff WHERE ff.flow_id = d.flow_id AND ff.doc_rank = d.doc_rank
                          AND ff.severity = 'fatal' ORDER BY ff.finding_rank FETCH FIRST 1 ROWS ONLY),
                       (SELECT ff.source FROM flow_finding ff WHERE ff.flow_id = d.flow_id AND ff.doc_rank = d.doc_rank
                          AND ff.severity = 'fatal' ORDER BY ff.finding_rank FETCH FIRST 1 ROWS ONLY)
                FROM flow_document d LEFT JOIN invoice i ON i.flow_id = d.flow_id AND i.doc_rank = d.doc_rank
                     LEFT JOIN integration_refusal r ON r.flow_id = d.flow_id AND r.doc_rank = d.doc_rank
                WHERE d.flow_id IN (%s) ORDER BY d.flow_id, d.doc_rank""".formatted(in),
                (RowCallbackHandler) rs -> {
                    IntegratedFlow header = headers.get(rs.getString(1));
                    documents.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(document(header, rs));
                },
                ids);
        return flowIds.stream().map(headers::get).map(header -> new IntegratedFlow(header.flow(),
                header.chorusSyntax(), header.interfaceCode(),
                documents.getOrDefault(header.flow().flowId(), List.of()))).toList();
    }

    /** One row of {@link #loadAll}'s document query: integrated, refused at integration, or at deposit. */
    private static IntegratedDocument document(IntegratedFlow header, ResultSet rs) throws SQLException {
        String flowId = header.flow().flowId();
        String status = rs.getString(9);
        String refusal = rs.getString(10);
        IntegratedDocument document = new IntegratedDocument(rs.getInt(2), flowId + "-" + rs.getInt(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), null, null, null,
                null, null, null, null);
        if (status != null) {
            // the status it was integrated with: routing writes the report in the run that routed it
            String label = InvoiceStatus.ofCode(status).label();
            return document.integrated(status, header.flow().environment().isQualification()
                    ? label + QUALIFICATION_END : label);
        }
        if (refusal != null) {
            return document.refused(refusal, rs.getString(11), rs.getString(12), rs.getString(13));
        }
        String code = rs.getString(14);
        String depositReport = DepositReport.fileName(flowId, header.flow().originalName());
        return document.rejectedAtDeposit(code, rs.getString(15), "Document refusé au dépôt (" + code
                + ") : le détail est dans le compte rendu de dépôt " + depositReport);
    }
}
