package org.achemine.lifecycle.updates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.achemine.config.AchemineProperties.Partner;
import org.achemine.intake.FlowRegistry;
import org.achemine.intake.FlowStage;
import org.achemine.intake.InterfaceSniffer;
import org.achemine.intake.IntakeFault;
import org.achemine.intake.ReceivedFlow;
import org.achemine.intake.StatusFlowHandler;
import org.achemine.mailbox.Mailboxes;
import org.achemine.publication.PublicationJournal;
import org.achemine.publication.PublicationKind;
import org.achemine.report.DepositReport;
import org.achemine.report.ReportedFlow;
import org.achemine.report.StatusReport;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.FlowState;
import org.achemine.validation.Incident;
import org.achemine.validation.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes a status flow taken by the intake, with the deposit's crash protocol: reads the archived file
 * (CSV or CPPStatut, streamed), applies its good lines and records every line's outcome and the flow's state (REPORT_READY)
 * in ONE transaction, then publishes the report, made from the database, into the sender's {@code out/} once
 * (the publication journal) and marks the flow REPORTED. A crash before the commit applies nothing (the flow
 * is processed again); after it, nothing is applied twice and the report is never published twice.
 */
public class StatusFlowProcessor implements StatusFlowHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StatusFlowProcessor.class);
    static final String SYNTAX_CPPSTATUT = "CPPSTATUT";
    static final String SYNTAX_CSV = "STATUTS_CSV";
    static final String SYNTAX_BUNDLE = "LOT_COMPLEMENT";

    private final FlowRegistry registry;
    private final Mailboxes mailboxes;
    private final TransactionTemplate transactions;
    private final StatusUpdateApplier applier;
    private final StatusFlowRecord record;
    private final CppStatutStatusFile cppStatut;
    private final StatusReport reports;
    private final StatusUpdatesProperties limits;
    private final Clock clock;
    private final PublicationJournal publications;
    private final CompletionBundle bundles;
    private final CompletionDocuments completionDocuments;

    public StatusFlowProcessor(FlowRegistry registry, Mailboxes mailboxes, TransactionTemplate transactions,
                               StatusUpdateApplier applier, StatusFlowRecord record, CppStatutStatusFile cppStatut,
                               StatusReport reports, StatusUpdatesProperties limits, Clock clock,
                               PublicationJournal publications, CompletionBundle bundles,
                               CompletionDocuments completionDocuments) {
        this.bundles = bundles;
        this.completionDocuments = completionDocuments;
        this.publications = publications;
        this.registry = registry;
        this.mailboxes = mailboxes;
        this.transactions = transactions;
        this.applier = applier;
        this.record = record;
        this.cppStatut = cppStatut;
        this.reports = reports;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public Path process(ReceivedFlow flow) {
        try {
            Path report = reportPath(flow);
            FlowStage stage = registry.stage(flow.flowId());
            if (stage == FlowStage.REPORTED) {
                return report;
            }
            if (stage != FlowStage.REPORT_READY) {
                applyAndRecord(flow, report);
            }
            writeReport(flow, report);
            registry.markReported(flow.flowId(), clock.instant());
            LOG.info("Status flow {}: report {}", flow.flowId(), report);
            return report;
        } catch (IOException | RuntimeException e) {
            String incident = Incident.log("processing the status flow", flow.flowId().value(), e);
            try {
                registry.recordIncident(flow.flowId(), incident);
            } catch (RuntimeException databaseDown) {
                LOG.warn("Could not record incident {} on flow {}", incident, flow.flowId(), databaseDown);
            }
            throw new IntakeFault(incident, "Status flow " + flow.flowId() + " is kept unreported and retried", e);
        }
    }

    /** Reads, applies and records in one commit: the changes and the flow's REPORT_READY stand or fall together. */
    private void applyAndRecord(ReceivedFlow flow, Path report) throws IOException {
        CompletionBundle.Read read = isBundle(flow) ? bundles.read(flow.archivePath(), limits.maxLines())
                : new CompletionBundle.Read(read(flow), List.of());
        StatusFile file = read.statusFile();
        Partner sender = mailboxes.partner(flow.partner()).orElseThrow(() -> new IllegalStateException(
                "Partner " + flow.partner() + " of status flow " + flow.flowId() + " is no longer configured"));
        Instant processedAt = clock.instant();
        transactions.executeWithoutResult(status -> {
            List<StatusLineOutcome> outcomes = file.rejected() ? List.of()
                    : applier.apply(flow.flowId().value(), sender, file.lines());
            record.save(flow.flowId().value(), file.fileFindings(), outcomes);
            outcomes.stream().filter(StatusLineOutcome::applied).forEach(completed ->
                    completionDocuments.link(flow.flowId().value(), completed.invoiceId(), read.documents()));
            registry.recordStatusFlowProcessed(flow.flowId(), state(file, outcomes), syntax(flow), processedAt, report);
        });
    }

    private StatusFile read(ReceivedFlow flow) throws IOException {
        if (flow.size() == 0) {
            return StatusFile.rejected(List.of(Finding.of(FindingCode.IRR_VIDE_F, Location.NONE)));
        }
        long maxFileSize = limits.maxFileSize().toBytes();
        if (flow.size() > maxFileSize) {
            return StatusFile.rejected(List.of(Finding.of(FindingCode.IRR_TAILLE_F, Location.NONE, flow.size(),
                    maxFileSize)));
        }
        if (isCsv(flow)) {
            return CsvStatusFile.read(() -> Files.newInputStream(flow.archivePath()), limits.maxLines());
        }
        return cppStatut.read(flow.originalName(), () -> Files.newInputStream(flow.archivePath()), limits.maxLines());
    }

    static FlowState state(StatusFile file, List<StatusLineOutcome> outcomes) {
        long applied = outcomes.stream().filter(StatusLineOutcome::applied).count();
        if (file.rejected() || applied == 0) {
            return FlowState.IN_REJETE;
        }
        return applied == outcomes.size() ? FlowState.IN_INTEGRE : FlowState.IN_INTEGRE_PARTIEL;
    }

    /**
     * Made from the database, published once through the journal: a report the partner may already have taken
     * is never written again, and the first write and a rewrite after a crash are the same report.
     */
    private void writeReport(ReceivedFlow flow, Path report) throws IOException {
        publications.publishOnce(PublicationKind.STATUS_REPORT, flow.flowId().value(), report, () -> {
            StatusFlowRecord.Saved saved = record.load(flow.flowId().value(), limits.reportDetailLines());
            FlowState state = registry.flowState(flow.flowId());
            Instant processedAt = registry.processedAt(flow.flowId()).orElseThrow();
            return reports.toXml(reported(flow), syntax(flow), state, saved.fileFindings(), saved.lines(),
                    saved.lineCount(), saved.appliedCount(), processedAt);
        });
    }

    private Path reportPath(ReceivedFlow flow) {
        return mailboxes.out(flow.partner(), flow.environment()).resolve(DepositReport.fileName(flow.flowId().value(), flow.originalName()));
    }

    private static boolean isCsv(ReceivedFlow flow) {
        return InterfaceSniffer.STATUS_CSV.equals(flow.flowId().interfaceNumber());
    }

    private static boolean isBundle(ReceivedFlow flow) {
        return InterfaceSniffer.STATUS_BUNDLE.equals(flow.flowId().interfaceNumber());
    }

    private static String syntax(ReceivedFlow flow) {
        return isBundle(flow) ? SYNTAX_BUNDLE : isCsv(flow) ? SYNTAX_CSV : SYNTAX_CPPSTATUT;
    }

    private static ReportedFlow reported(ReceivedFlow flow) {
        return new ReportedFlow(flow.flowId().value(), flow.originalName(), flow.partner(), flow.sha256(),
                flow.size(), flow.receivedAt(), flow.environment());
    }
}
