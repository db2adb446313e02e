package org.achemine.routing;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.achemine.config.AchemineProperties.Partner;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.mailbox.Mailboxes;
import org.achemine.publication.PublicationJournal;
import org.achemine.publication.PublicationKind;
import org.achemine.qualification.Environment;
import org.achemine.report.DepositReport;
import org.achemine.report.FlowStatutReports;
import org.achemine.report.IntegratedFlow;
import org.achemine.report.IntegratedFlow.IntegratedDocument;
import org.achemine.report.IntegrationReport;
import org.achemine.report.ReportException;
import org.achemine.report.ReportedFlow;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the integration report of every flow whose accepted documents have all been decided (integrated,
 * or refused at integration), once: the file name is fixed by the flow, published through the journal, and the
 * flow is marked after; a run interrupted between the two finds the report journaled and only marks the flow.
 */
public class IntegrationReports {

    private final JdbcTemplate jdbc;
    private final IntegrationReport report;
    private final FlowStatutReports officialReports;
    private final Mailboxes mailboxes;
    private final Clock clock;
    private final PublicationJournal publications;

    public IntegrationReports(JdbcTemplate jdbc, IntegrationReport report, FlowStatutReports officialReports,
                              Mailboxes mailboxes, Clock clock, PublicationJournal publications) {
        this.officialReports = officialReports;
        this.publications = publications;
        this.jdbc = jdbc;
        this.report = report;
        this.mailboxes = mailboxes;
        this.clock = clock;
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

    /** Writes the reports that are due; returns how many. */
    public int writeDue() throws IOException, ReportException {
        List<String> due = jdbc.queryForList("""
                SELECT f.flow_id FROM flow f
                WHERE f.invoices_registered = TRUE AND f.integration_reported_at IS NULL
                  AND (EXISTS (SELECT 1 FROM invoice i WHERE i.flow_id = f.flow_id)
                       OR EXISTS (SELECT 1 FROM integration_refusal r WHERE r.flow_id = f.flow_id))
                ORDER BY f.flow_id""", String.class);
        for (String flowId : due) {
            write(load(flowId));
        }
        return due.size();
    }

    private void write(IntegratedFlow flow) throws IOException {
        Instant now = clock.instant();
        Path out = mailboxes.out(flow.flow().partner(), flow.flow().environment());
        Path official = out.resolve(FlowStatutReports.integrationFileName(flow.flow().flowId()));
        // the official CPPStatut always, first; then the detailed companion if the partner asks for it (exactly
        // once each); the flow records the detailed one when there is one
        publications.publishOnce(PublicationKind.INTEGRATION_CPPSTATUT, flow.flow().flowId(), official,
                () -> officialReports.toXml(officialReports.integration(flow, now)));
        Path target = official;
        if (mailboxes.partner(flow.flow().partner()).map(Partner::wantsDetailedReports).orElse(true)) {
            target = out.resolve(IntegrationReport.fileName(flow.flow().flowId(), flow.flow().originalName()));
            publications.publishOnce(PublicationKind.INTEGRATION_REPORT, flow.flow().flowId(), target,
                    () -> report.toXml(flow, now));
        }
        jdbc.update("UPDATE flow SET integration_report_path = ?, integration_reported_at = ? WHERE flow_id = ?",
                target.toString(), Timestamp.from(now), flow.flow().flowId());
    }

    /** How a qualification invoice that passed every check ends (ADR 0025), said in its integration report. */
    static final String QUALIFICATION_END =
            " (qualification : acceptée, contrôles d'intégration passés ; jamais transmise au destinataire)";

    IntegratedFlow load(String flowId) {
        IntegratedFlow header = jdbc.queryForObject("SELECT flow_id, original_name, partner, sha256, size_bytes,"
                        + " received_at, syntax, interface_code, qualification FROM flow WHERE flow_id = ?",
                (rs, i) -> new IntegratedFlow(new ReportedFlow(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getTimestamp(6).toInstant(),
                        Environment.of(rs.getBoolean(9))), rs.getString(7),
                        rs.getString(8), List.of()),
                flowId);
        String depositReport = DepositReport.fileName(flowId, header.flow().originalName());
        List<IntegratedDocument> documents = jdbc.query("""
                SELECT d.doc_rank, d.entry_name, d.syntax, d.invoice_number, d.supplier_id, d.buyer_id,
                       i.invoice_id, i.status, r.refusal_code, r.refusal_message, r.reform_status, r.reform_reason,
                       (SELECT ff.code FROM flow_finding ff WHERE ff.flow_id = d.flow_id AND ff.doc_rank = d.doc_rank
                          AND ff.severity = 'fatal' ORDER BY ff.finding_rank FETCH FIRST 1 ROWS ONLY),
                       (SELECT ff.source FROM flow_finding ff WHERE ff.flow_id = d.flow_id AND ff.doc_rank = d.doc_rank
                          AND ff.severity = 'fatal' ORDER BY ff.finding_rank FETCH FIRST 1 ROWS ONLY)
                FROM flow_document d LEFT JOIN invoice i ON i.flow_id = d.flow_id AND i.doc_rank = d.doc_rank
                     LEFT JOIN integration_refusal r ON r.flow_id = d.flow_id AND r.doc_rank = d.doc_rank
                WHERE d.flow_id = ? ORDER BY d.doc_rank""",
                (rs, i) -> {
                    String status = rs.getString(8);
                    String refusal = rs.getString(9);
                    String invoiceId = flowId + "-" + rs.getInt(1);
                    IntegratedDocument document = new IntegratedDocument(rs.getInt(1), invoiceId, rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), null, null, null,
                            null, null, null, null);
                    if (status != null) {
                        // the status it was integrated with: routing writes the report in the run that routed it
                        String label = InvoiceStatus.ofCode(status).label();
                        return document.integrated(status, header.flow().environment().isQualification()
                                ? label + QUALIFICATION_END : label);
                    }
                    if (refusal != null) {
                        return document.refused(refusal, rs.getString(10), rs.getString(11), rs.getString(12));
                    }
                    String code = rs.getString(13);
                    return document.rejectedAtDeposit(code, rs.getString(14), "Document refusé au dépôt (" + code
                            + ") : le détail est dans le compte rendu de dépôt " + depositReport);
                },
                flowId);
        return new IntegratedFlow(header.flow(), header.chorusSyntax(), header.interfaceCode(), documents);
    }
}
