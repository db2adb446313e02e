package org.achemine.routing;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.achemine.batch.CleanStop;
import org.achemine.batch.IntakeYield;
import org.achemine.config.AchemineProperties;
import org.achemine.config.AchemineProperties.DeliveryFormat;
import org.achemine.delivery.ArchivedDocuments;
import org.achemine.delivery.DeliveryProperties;
import org.achemine.delivery.InvoiceDelivery;
import org.achemine.delivery.OriginalDelivery;
import org.achemine.delivery.Resend;
import org.achemine.delivery.pivot.FlowReceptionDates;
import org.achemine.delivery.pivot.PivotDelivery;
import org.achemine.delivery.pivot.PivotSchema;
import org.achemine.directory.DirectoryLookup;
import org.achemine.lifecycle.InvoiceLedger;
import org.achemine.lifecycle.InvoiceStatus;
import org.achemine.lifecycle.report.LifecycleReportFormat;
import org.achemine.mailbox.Mailboxes;
import org.achemine.lifecycle.updates.CompletionDocuments;
import org.achemine.publication.PublicationJournal;
import org.achemine.qualification.Environment;
import org.achemine.report.DepositReport;
import org.achemine.report.FlowStatutReports;
import org.achemine.report.IntegrationReport;
import org.achemine.validation.admissibility.ArchiveUnpacker;
import org.achemine.validation.facturx.FacturXReader;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code routing} job: reads, earliest received first ({@link ReceptionOrder}), every document accepted
 * by validation whose deposit report is out and that is neither integrated nor refused yet; decides with
 * {@link RoutingRules} (Chorus Pro's integration checks) against the directory in service; writes the
 * outcome (an invoice 01 → 02 → 03 and its delivery, or a refusal at integration); marks the flows whose
 * documents are all decided; delivers again completed invoices; closes overdue validation circuits and forwards
 * the invoices their validators let go; and finally writes the integration reports.
 * Restartable: the reader's query is the process indicator — a document leaves it once its chunk commits,
 * so a restarted run takes exactly the documents not yet decided.
 */
@Configuration(proxyBeanMethods = false)
public class RoutingJobConfiguration {

    public static final String JOB_NAME = "routing";

    @Bean
    Job routingJob(JobRepository jobRepository, Step routeInvoices, Step markDecidedFlows,
                   Step redeliverCompletedInvoices, Step closeOverdueCircuits, Step forwardValidatedInvoices,
                   Step writeIntegrationReports, CleanStop stop, IntakeYield intakeYield) {
        // the circuits' steps (package circuit, by name): overdue validations closed on the platform clock, then
        // the invoices their validators let go delivered to their recipients
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(stop)
                .listener(intakeYield)
                .start(routeInvoices)
                .next(markDecidedFlows)
                .next(redeliverCompletedInvoices)
                .next(closeOverdueCircuits)
                .next(forwardValidatedInvoices)
                .next(writeIntegrationReports)
                .build();
    }

    /** Invoices the supplier completed (12) delivered again, a chunk per transaction, then 12 → 03. */
    @Bean
    Step redeliverCompletedInvoices(JobRepository jobRepository, PlatformTransactionManager tx,
                                    RoutingProperties properties, CompletedInvoiceRedelivery redelivery,
                                    CleanStop stop) {
        return new StepBuilder("redeliver-completed-invoices", jobRepository)
                .tasklet((contribution, context) -> {
                    if (stop.stopsStep(contribution.getStepExecution())) {
                        return RepeatStatus.FINISHED;
                    }
                    int done = redelivery.redeliverNext(properties.chunkSize());
                    contribution.incrementWriteCount(done);
                    return done < properties.chunkSize() ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
                }, tx)
                .build();
    }

    @Bean
    CompletedInvoiceRedelivery completedInvoiceRedelivery(JdbcTemplate jdbc, InvoiceLedger ledger,
                                                          InvoiceDelivery delivery, LifecycleReportFormat format,
                                                          AchemineProperties properties, Clock clock,
                                                          PublicationJournal publications,
                                                          CompletionDocuments completionDocuments) {
        return new CompletedInvoiceRedelivery(jdbc, ledger, delivery, format, properties.platformCode(), clock,
                publications, completionDocuments);
    }

    /**
     * One integration report per flow whose invoices are all routed, to the sender's out/; a stop ends it between
     * groups. Begun once the routing's turn has come (ADR 0029): its groups share the step's transaction, so the
     * run waits before the step, not between its groups.
     */
    @Bean
    Step writeIntegrationReports(JobRepository jobRepository, PlatformTransactionManager tx, IntegrationReports reports,
                                 CleanStop stop, IntakeYield intakeYield) {
        return new StepBuilder("write-integration-reports", jobRepository)
                .listener((StepExecutionListener) intakeYield)
                .tasklet(countedWork(stop, () -> reports.writeDue(stop::requested)), tx)
                .build();
    }

    /**
     * What a one-shot step does, in one transaction; the number it returns is the step's write count. Not begun
     * once the engine is stopping; the step then ends STOPPED, and so does a work that stopped early.
     */
    interface CountedWork {
        int run() throws Exception;
    }

    private static Step countingStep(String name, JobRepository jobRepository, PlatformTransactionManager tx,
                                     CleanStop stop, CountedWork work) {
        return new StepBuilder(name, jobRepository).tasklet(countedWork(stop, work), tx).build();
    }

    private static Tasklet countedWork(CleanStop stop, CountedWork work) {
        return (contribution, context) -> {
            if (!stop.requested()) {
                contribution.incrementWriteCount(work.run());
            }
            stop.stopsStep(contribution.getStepExecution());
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    IntegrationReports integrationReports(JdbcTemplate jdbc, DepositReport depositReport,
                                          FlowStatutReports officialReports, Mailboxes mailboxes, Clock clock,
                                          PublicationJournal publications, RoutingProperties properties) {
        return new IntegrationReports(jdbc, new IntegrationReport(depositReport), officialReports, mailboxes, clock,
                publications, properties.reportGroupSize());
    }

    /** Flows whose accepted documents are all integrated or refused: their integration report is due. */
    @Bean
    Step markDecidedFlows(JobRepository jobRepository, PlatformTransactionManager tx, IntegrationReports reports,
                          CleanStop stop) {
        return countingStep("mark-decided-flows", jobRepository, tx, stop, reports::markDecidedFlows);
    }

    @Bean
    Step routeInvoices(JobRepository jobRepository, PlatformTransactionManager tx, RoutingProperties properties,
                       LookAheadReader<RoutingCandidate> routingCandidatesAhead,
                       RoutingDecisions routingDecisions,
                       RoutingOutcomeWriter routingOutcomes, IntakeYield intakeYield) {
        // between two chunks, the last one committed: the run waits for its turn while the intake has a burst
        // (ADR 0029), then ends STOPPED if the engine is stopping (CleanStop)
        return new StepBuilder("route-invoices", jobRepository)
                .<RoutingCandidate, RoutedInvoice>chunk(properties.chunkSize())
                .transactionManager(tx)
                .interruptionPolicy(intakeYield)
                .reader(routingCandidatesAhead)
                .processor(routingDecisions)
                .writer(routingOutcomes)
                .listener(routingOutcomes)
                .build();
    }

    /** The candidates a chunk at a time, shown to the decisions together (one duplicate look-up per chunk). */
    @Bean
    @StepScope
    LookAheadReader<RoutingCandidate> routingCandidatesAhead(JdbcCursorItemReader<RoutingCandidate> routingCandidates,
                                                             RoutingDecisions routingDecisions,
                                                             RoutingProperties properties) {
        return new LookAheadReader<>(routingCandidates, properties.chunkSize(), routingDecisions::lookAhead);
    }

    @Bean
    @StepScope
    JdbcCursorItemReader<RoutingCandidate> routingCandidates(DataSource dataSource) {
        return new JdbcCursorItemReaderBuilder<RoutingCandidate>()
                .name("routing-candidates")
                .dataSource(dataSource)
                .saveState(false)
                .sql("""
                        SELECT d.flow_id || '-' || d.doc_rank, d.flow_id, d.doc_rank, d.entry_name, d.supplier_id,
                               d.invoice_number, EXTRACT(YEAR FROM d.issue_date), d.buyer_id, d.service_code,
                               d.engagement_number, d.billing_framework,
                               EXISTS (SELECT 1 FROM invoice p WHERE p.supplier_id = d.supplier_id
                                       AND p.invoice_number = d.invoice_number
                                       AND p.invoice_year = EXTRACT(YEAR FROM d.issue_date) AND p.status = '%s'
                                       AND p.qualification = f.qualification),
                               f.qualification
                        FROM flow f JOIN flow_document d ON d.flow_id = f.flow_id
                        WHERE f.stage = 'REPORTED' AND f.invoices_registered = FALSE AND d.decision = 'ACCEPTED'
                          AND NOT EXISTS (SELECT 1 FROM invoice i WHERE i.flow_id = d.flow_id AND i.doc_rank = d.doc_rank)
                          AND NOT EXISTS (SELECT 1 FROM integration_refusal r
                                          WHERE r.flow_id = d.flow_id AND r.doc_rank = d.doc_rank)
                        ORDER BY %s""".formatted(InvoiceStatus.A_RECYCLER.code(), ReceptionOrder.of("f", "d")))
                .rowMapper((rs, i) -> new RoutingCandidate(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        new RoutingRequest(rs.getString(1), rs.getString(5), rs.getString(6), rs.getInt(7),
                                rs.getString(8), rs.getString(9), rs.getString(10), Environment.of(rs.getBoolean(13))),
                        rs.getBoolean(12) ? Resend.RECYCLEE : Resend.NON, rs.getString(11)))
                .build();
    }

    /** One per routing run: the directory's answers are remembered for the run (see {@link MemoizedDirectory}). */
    @Bean
    @StepScope
    RoutingDecisions routingDecisions(DirectoryLookup directory, JdbcTemplate jdbc, RoutingProperties properties,
                                      Clock clock, CircuitHook circuits) {
        RoutingRules rules = new RoutingRules(new MemoizedDirectory(directory), new JdbcDuplicateRegister(jdbc));
        return new RoutingDecisions(rules, clock, properties.timeZone(), circuits);
    }

    @Bean
    @StepScope
    RoutingOutcomeWriter routingOutcomes(InvoiceLedger ledger, InvoiceDelivery delivery, JdbcTemplate jdbc, Clock clock,
                                         RoutingMetrics metrics, CircuitHook circuits) {
        return new RoutingOutcomeWriter(ledger, new IntegrationRefusals(jdbc), delivery, clock, metrics, circuits);
    }

    @Bean
    RoutingMetrics routingMetrics(MeterRegistry meterRegistry) {
        return new RoutingMetrics(meterRegistry);
    }

    @Bean
    InvoiceLedger invoiceLedger(JdbcTemplate jdbc) {
        return new InvoiceLedger(jdbc);
    }

    @Bean
    InvoiceDelivery invoiceDelivery(AchemineProperties properties, DeliveryProperties delivery, JdbcTemplate jdbc,
                                    Mailboxes mailboxes, PivotDelivery pivotDelivery,
                                    PublicationJournal publications) {
        ArchiveUnpacker unpacker = new ArchiveUnpacker(properties.validation().toSettings());
        return new InvoiceDelivery(mailboxes, new ArchivedDocuments(jdbc, unpacker), delivery.durable(),
                publications, Map.of(DeliveryFormat.ORIGINAL, new OriginalDelivery(), DeliveryFormat.PIVOT, pivotDelivery));
    }

    /** Deliveries as CPPFacturePivot, dated by the platform's clock on the routing calendar. */
    @Bean
    PivotDelivery pivotDelivery(AchemineProperties properties, RoutingProperties routing, JdbcTemplate jdbc,
                                Clock clock) {
        return new PivotDelivery(properties.platformCode(), clock, routing.timeZone(),
                new FlowReceptionDates(jdbc, routing.timeZone()),
                new PivotSchema(), new FacturXReader(properties.validation().toSettings()));
    }
}
