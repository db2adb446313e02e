package org.achemine.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.achemine.config.AchemineProperties.Partner;
import org.achemine.mailbox.Mailboxes;
import org.achemine.partner.MandateCheck;
import org.achemine.publication.PublicationJournal;
import org.achemine.publication.PublicationKind;
import org.achemine.report.DepositReport;
import org.achemine.report.FlowStatutReports;
import org.achemine.report.ReportException;
import org.achemine.report.ReportedFlow;
import org.achemine.validation.Finding;
import org.achemine.validation.FindingCode;
import org.achemine.validation.FlowKind;
import org.achemine.validation.FlowState;
import org.achemine.validation.FlowVerdict;
import org.achemine.validation.Incident;
import org.achemine.validation.Location;
import org.achemine.validation.engine.ValidationEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Validates a received flow from its archived original and writes its deposit report (CR) into the
 * sender's {@code out/}: the verdict and the report's path recorded in one commit (REPORT_READY), the report
 * published once through the {@link PublicationJournal} (journaled, then renamed into place: the partner sees
 * it whole or not at all, and one it already took is never written again), then REPORTED. Resumes from
 * whatever stage a crash left the flow in. A technical fault (disk, database) writes no report: the flow stays
 * unreported and is retried, never answered "rejected" for our own fault. A check that broke is retried too,
 * up to {@code achemine.intake.max-attempts}; then the flow is answered with an incident report and parked. Status flows
 * (interfaces 1300/1301) go to the {@link StatusFlowHandler} instead, under the same guard.
 */
public class FlowDeposit {

    private static final Logger LOG = LoggerFactory.getLogger(FlowDeposit.class);

    private final ValidationEngine engine;
    private final DepositReport reports;
    private final FlowStatutReports officialReports;
    private final FlowRegistry registry;
    private final Mailboxes mailboxes;
    private final Clock clock;
    private final StatusFlowHandler statusFlows;
    private final IntakeMetrics metrics;
    private final DepositQueues queues;
    private final FlowWatchdog watchdog;
    private final MandateCheck mandates = new MandateCheck();
    private final PublicationJournal publications;
    private final int maxAttempts;
    private final FlowClaims claims;
    private final DepositAnswers answers;
    /** Flows being processed now: a flow submitted twice (recovery, retry) is never processed twice at once. */
    private final Set<FlowId> inProgress = ConcurrentHashMap.newKeySet();

    public FlowDeposit(ValidationEngine engine, DepositReport reports, FlowStatutReports officialReports,
                       FlowRegistry registry, Mailboxes mailboxes, Clock clock, StatusFlowHandler statusFlows, IntakeMetrics metrics, DepositQueues queues,
                       FlowWatchdog watchdog, PublicationJournal publications, int maxAttempts, FlowClaims claims,
                       DepositAnswers answers) {
        this.claims = claims;
        this.answers = answers;
        this.publications = publications;
        this.maxAttempts = maxAttempts;
        this.statusFlows = statusFlows;
        this.queues = queues;
        this.watchdog = watchdog;
        this.metrics = metrics;
        this.engine = engine;
        this.reports = reports;
        this.officialReports = officialReports;
        this.registry = registry;
        this.mailboxes = mailboxes;
        this.clock = clock;
    }

    /**
     * Validates the flow and has {@link DepositAnswers} write its answer, then waits for it: for a caller that
     * needs the report there on return (a retry asked by an operator, tests). The flow stays in progress and
     * claimed until its answer is written or failed.
     *
     * @return the path of the flow's deposit report
     * @throws IntakeFault on a technical fault: the flow is left unreported, to be retried
     */
    public Path process(ReceivedFlow flow) {
        return process(flow, true);
    }

    /**
     * {@link #process} without waiting for the answer (the intake routes' workers): the worker goes back to
     * validating while the answering thread writes the report with whatever else is ready. A fault while writing
     * is logged with its incident and recorded on the flow, which is then retried.
     *
     * @return the path of the flow's deposit report, not yet there
     * @throws IntakeFault on a technical fault met before the answer was queued
     */
    public Path submit(ReceivedFlow flow) {
        return process(flow, false);
    }

    /** Flows in a worker's hands now, from their take off the deposit queue until their answer is written. */
    public int inHand() {
        return inProgress.size();
    }

    private Path process(ReceivedFlow flow, boolean waitForAnswer) {
        if (!inProgress.add(flow.flowId())) {
            return reportPath(flow); // another worker has it in hand
        }
        if (!claimed(flow)) {
            inProgress.remove(flow.flowId());
            return reportPath(flow); // another engine has it in hand
        }
        try {
            queues.acquireSlot();
        } catch (InterruptedException stopping) {
            release(flow, () -> { });
            Thread.currentThread().interrupt();
            LOG.info("Flow {}: the engine stops before its checks began; it is processed at the next start",
                    flow.flowId());
            return reportPath(flow);
        }
        FlowWatchdog.Watch watch = watchdog.watch(flow);
        Reply reply;
        try (MDC.MDCCloseable logContext = MDC.putCloseable("flowId", flow.flowId().value())) {
            try {
                reply = InterfaceSniffer.isStatusFlow(flow.flowId()) ? Reply.done(statusFlows.process(flow))
                        : processOnce(flow);
            } finally {
                queues.releaseSlot(); // checked: the slot goes to the next flow while the answer is written
            }
        } catch (RuntimeException e) {
            release(flow, watch);
            throw e;
        }
        if (reply.answer() == null) {
            release(flow, watch);
            return reply.report();
        }
        CompletableFuture<Failure> outcome = reply.answer().written()
                .handle((written, failed) -> answered(flow, reply, failed))
                .whenComplete((failure, unexpected) -> release(flow, watch));
        try {
            answers.answer(reply.answer());
        } catch (InterruptedException stopping) {
            reply.answer().written().completeExceptionally(stopping);
            Thread.currentThread().interrupt();
        }
        Failure failure = waitForAnswer ? waitFor(flow, outcome)
                : outcome.isDone() && !outcome.isCompletedExceptionally() ? outcome.join() : null;
        if (failure != null) {
            throw new IntakeFault(failure.incident(), "Flow " + flow.flowId() + " is kept unreported and retried",
                    failure.cause());
        }
        return reply.report();
    }

    private static Failure waitFor(ReceivedFlow flow, CompletableFuture<Failure> outcome) {
        try {
            return outcome.get();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return null; // the answer is still written, or failed and retried
        } catch (ExecutionException unexpected) {
            return new Failure(Incident.log("reporting", flow.flowId().value(), unexpected.getCause()), unexpected.getCause());
        }
    }

    /** What {@link #processOnce} leaves to do: nothing (already answered), or an answer to publish. */
    private record Reply(Path report, FlowState state, DepositAnswers.Answer answer) {

        static Reply done(Path report) {
            return new Reply(report, null, null);
        }
    }

    /** An answer that failed: its incident, logged and recorded on the flow. */
    private record Failure(String incident, Throwable cause) {
    }

    /** Once the flow's answer is written (or failed): said, counted, or kept for a retry. */
    private Failure answered(ReceivedFlow flow, Reply reply, Throwable failed) {
        try (MDC.MDCCloseable logContext = MDC.putCloseable("flowId", flow.flowId().value())) {
            if (failed == null) {
                LOG.info("Flow {}: deposit report {}", flow.flowId(), reply.report());
                metrics.reported(reply.state());
                return null;
            }
            String incident = Incident.log("validating and reporting", flow.flowId().value(), failed);
            recordIncidentQuietly(flow, incident);
            return new Failure(incident, failed);
        }
    }

    private void release(ReceivedFlow flow, FlowWatchdog.Watch watch) {
        try {
            watch.close();
        } catch (Exception cannotHappen) {
            LOG.debug("Watch of {} not closed", flow.flowId(), cannotHappen);
        } finally {
            claims.releaseFlow(flow.flowId()); // reported, parked or left for a retry by any engine
            inProgress.remove(flow.flowId());
        }
    }

    private boolean claimed(ReceivedFlow flow) {
        try {
            return claims.claimFlow(flow.flowId());
        } catch (RuntimeException e) {
            String incident = Incident.log("claiming the flow", flow.flowId().value(), e);
            throw new IntakeFault(incident, "Flow " + flow.flowId() + " could not be claimed: it is retried", e);
        }
    }

    private Reply processOnce(ReceivedFlow flow) {
        try {
            FlowRegistry.Progress progress = registry.progress(flow.flowId());
            FlowStage stage = progress.stage();
            Path report = reportPath(flow);
            if (stage == FlowStage.REPORTED) {
                return Reply.done(report); // already answered (submitted twice around a restart)
            }
            if (stage == FlowStage.PARKED) {
                return Reply.done(registry.reportPath(flow.flowId()).orElse(report)); // answered with its incident report
            }
            FlowState state;
            byte[] made = null;
            byte[] madeOfficial = null;
            Runnable recordVerdict = PublicationJournal.NO_RECORD;
            Path official = mailboxes.out(flow.partner(), flow.environment())
                    .resolve(FlowStatutReports.depositFileName(flow.flowId().value()));
            boolean detailed = !report.equals(official);
            if (stage == FlowStage.REPORT_READY) {
                state = registry.state(flow.flowId()); // a stop left the report ready: its verdict is recorded
            } else {
                FlowVerdict verdict = validate(flow, progress.earlierCopy());
                if (verdict.documents().stream().anyMatch(d -> d.hasError())) {
                    return Reply.done(brokenCheck(flow, verdict));
                }
                Instant recordedAt = now();
                made = detailed ? reports.toXml(reported(flow), verdict, recordedAt) : null;
                madeOfficial = officialReports.toXml(officialReports.deposit(reported(flow), verdict, recordedAt));
                // the verdict and "report ready" commit with the reports journaled PENDING (a crash before just
                // redoes all three: their temporary files without rows are removed at start-up); an answer
                // group's verdicts are written as that commit is made, one JDBC batch per table for the group
                recordVerdict = () -> registry.recordVerdictAtCommit(flow.flowId(), verdict, engine.policy(),
                        recordedAt, report);
                state = engine.policy().flowState(verdict);
            }
            byte[] xml = made;
            byte[] officialXml = madeOfficial;
            // a report never journaled (an engine stopped after the verdict, before this commit protocol) is
            // drawn again from the archived original; one journaled is finished, never written twice: the partner
            // may have taken it already. The official CPPStatut always, then the detailed companion if the
            // partner asks for it, as one group: one commit journals both (with the verdict), one marks both
            // PUBLISHED with the flow REPORTED (a stop before it: the reports are finished at start-up, then this
            // flow comes back here and is marked REPORTED); flows answered together share these two commits, and
            // their REPORTED marks are one statement run as that commit is made
            Runnable markReported = () -> registry.markReportedAtCommit(flow.flowId(), now());
            List<PublicationJournal.Publication> answers = new ArrayList<>(2);
            answers.add(new PublicationJournal.Publication(PublicationKind.DEPOSIT_CPPSTATUT, flow.flowId().value(),
                    official, () -> officialXml != null ? officialXml
                            : officialReports.toXml(officialReports.deposit(reported(flow), validate(flow), now()))));
            if (detailed) {
                answers.add(new PublicationJournal.Publication(PublicationKind.DEPOSIT_REPORT, flow.flowId().value(),
                        report, () -> xml != null ? xml : reports.toXml(reported(flow), validate(flow), now())));
            }
            return new Reply(report, state, new DepositAnswers.Answer(
                    new PublicationJournal.Group(answers, recordVerdict, markReported), new CompletableFuture<>()));
        } catch (IOException | ReportException | RuntimeException e) {
            String incident = Incident.log("validating and reporting", flow.flowId().value(), e);
            recordIncidentQuietly(flow, incident);
            throw new IntakeFault(incident, "Flow " + flow.flowId() + " is kept unreported and retried", e);
        }
    }

    /**
     * A check broke (our fault): the attempt is counted; before the last one the flow is kept unreported and
     * retried; at the last one it is answered with an incident report (ERR_TECHNIQUE and the incident id, under
     * its own name so that the deposit report proper can still follow a retry) and parked.
     */
    private Path brokenCheck(ReceivedFlow flow, FlowVerdict verdict) throws IOException, ReportException {
        String incident = DepositReport.incidentId(verdict).orElse("INC-UNKNOWN");
        int attempts = registry.recordFailedAttempt(flow.flowId(), incident);
        if (attempts < maxAttempts) {
            throw new IOException("A check broke while validating " + flow.flowId() + " (incident " + incident
                    + ", attempt " + attempts + " of " + maxAttempts + ")");
        }
        Path report = mailboxes.out(flow.partner(), flow.environment())
                .resolve(DepositReport.incidentFileName(flow.flowId().value(), flow.originalName(), incident));
        publications.publishOnce(PublicationKind.INCIDENT_REPORT, flow.flowId().value(), report,
                () -> reports.toXml(reported(flow), verdict, now()));
        registry.park(flow.flowId(), report, now());
        metrics.parked();
        LOG.error("Flow {}: a check broke at {} attempts (incident {}); answered {} and parked until `flow retry`",
                flow.flowId(), attempts, incident, report.getFileName());
        return report;
    }

    /**
     * The verdict on the archived original. A link or special file taken unread is refused as such without
     * touching what it points to; a file taken unread that we may not read is refused for its permissions; an
     * oversized file is refused by validation from its size alone. A file whose content this partner already
     * sent gets a warning naming the earlier flow (it is still processed).
     */
    private FlowVerdict validate(ReceivedFlow flow) throws IOException {
        Optional<FlowRegistry.EarlierCopy> earlier = flow.sha256() != null && flow.size() > 0
                ? registry.earlierFlowWithSameContent(flow.flowId(), flow.partner(), flow.environment(), flow.sha256())
                        .map(copy -> new FlowRegistry.EarlierCopy(copy.flowId(), copy.originalName()))
                : Optional.empty();
        return validate(flow, earlier);
    }

    /** {@link #validate(ReceivedFlow)} with the flow's first earlier copy already looked up. */
    private FlowVerdict validate(ReceivedFlow flow, Optional<FlowRegistry.EarlierCopy> earlier) throws IOException {
        Path archived = flow.archivePath();
        BasicFileAttributes attributes = attributesOrNull(archived); // one look at the file, not one per question
        if (attributes != null && attributes.isDirectory()) {
            return FlowVerdict.refused(FlowKind.UNSUPPORTED, List.of(Finding.of(FindingCode.IRR_DOSSIER, Location.NONE)));
        }
        if (attributes == null || !attributes.isRegularFile()) {
            String what = attributes != null && attributes.isSymbolicLink() ? "lien symbolique" : "fichier spécial";
            return FlowVerdict.refused(FlowKind.UNSUPPORTED,
                    List.of(Finding.of(FindingCode.IRR_LIEN, Location.NONE, what)));
        }
        if (flow.sha256() == null && !Files.isReadable(archived)) {
            // taken unread because its permissions closed it to us: the partner's to fix, never read here either
            return FlowVerdict.refused(FlowKind.UNSUPPORTED, List.of(Finding.of(FindingCode.IRR_FICHIER_ILLISIBLE,
                    Location.NONE, PosixFilePermissions.toString(Files.getPosixFilePermissions(archived, LinkOption.NOFOLLOW_LINKS)))));
        }
        FlowVerdict verdict = mandates.apply(mailboxes.partner(flow.partner()), engine.validate(flow.originalName(), archived));
        if (earlier.isPresent()) {
            verdict = verdict.withFlowFinding(Finding.of(FindingCode.ADM_CONTENU_DEJA_RECU, Location.NONE,
                    earlier.get().flowId().value(), earlier.get().originalName()));
        }
        return verdict;
    }

    /** The archived original's own attributes (a link not followed), or null if it cannot be read, as none. */
    private static BasicFileAttributes attributesOrNull(Path archived) {
        try {
            return Files.readAttributes(archived, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException unreadable) {
            return null;
        }
    }

    /** The report the flow records: the detailed one, or the official one for a partner who wants only that. */
    private Path reportPath(ReceivedFlow flow) {
        boolean detailed = mailboxes.partner(flow.partner()).map(Partner::wantsDetailedReports).orElse(true);
        return mailboxes.out(flow.partner(), flow.environment()).resolve(detailed
                ? DepositReport.fileName(flow.flowId().value(), flow.originalName())
                : FlowStatutReports.depositFileName(flow.flowId().value()));
    }

    private static ReportedFlow reported(ReceivedFlow flow) {
        return new ReportedFlow(flow.flowId().value(), flow.originalName(), flow.partner(), flow.sha256(),
                flow.size(), flow.receivedAt(), flow.environment());
    }

    private Instant now() {
        return clock.instant();
    }

    private void recordIncidentQuietly(ReceivedFlow flow, String incident) {
        try {
            registry.recordIncident(flow.flowId(), incident);
        } catch (RuntimeException databaseDown) {
            LOG.warn("Could not record incident {} on flow {}", incident, flow.flowId(), databaseDown);
        }
    }
}
