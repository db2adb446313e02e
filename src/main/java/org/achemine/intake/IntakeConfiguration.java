package org.achemine.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.achemine.archive.FlowArchive;
import org.achemine.channel.ChannelArrivals;
import org.achemine.cluster.ClusterProperties;
import org.achemine.cluster.EngineNode;
import org.achemine.cluster.WorkClaims;
import org.achemine.config.AchemineProperties;
import org.achemine.mailbox.Mailboxes;
import org.achemine.partner.PartnerRegistry;
import org.achemine.publication.PublicationJournal;
import org.achemine.report.DepositReport;
import org.achemine.report.FlowStatutReports;
import org.achemine.report.cppstatut.FluxStatutWriter;
import org.achemine.report.cppstatut.StatutSchema;
import org.achemine.validation.DocumentCheck;
import org.achemine.validation.engine.ValidationEngine;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the intake: mailboxes, archive, flow registry, validation engine, reception, deposit, recovery. */
@Configuration(proxyBeanMethods = false)
public class IntakeConfiguration {

    /**
     * The data folder's layout, created at start-up for every partner in the database: the configured ones
     * (checked here, then written to the database) and those added by the {@code partner} command.
     */
    @Bean
    Mailboxes mailboxes(AchemineProperties properties, PartnerRegistry partners) {
        Mailboxes.of(properties); // a bad declaration stops the start-up with a message naming its key
        partners.declare(properties.partners());
        return new Mailboxes(properties.dataDir(), partners.partners()).create();
    }

    @Bean
    FlowArchive flowArchive(Mailboxes mailboxes) {
        return new FlowArchive(mailboxes.archiveRoot());
    }

    @Bean
    FlowRegistry flowRegistry(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new FlowRegistry(jdbc, transactions);
    }

    /** Built once: schemas and stylesheets are compiled here, then shared by every worker. */
    @Bean
    ValidationEngine validationEngine(AchemineProperties properties, AttachmentProperties attachments, Clock clock,
                                      ObjectProvider<DocumentCheck> addedChecks) {
        return new ValidationEngine(properties.validation().toSettings(), clock, addedChecks.orderedStream().toList(),
                attachments.toLimits());
    }

    @Bean
    DepositReport depositReport(ValidationEngine engine) {
        return new DepositReport(engine.ruleSets(), engine.policy());
    }

    /** AIFE's CPPStatut schema, loaded once: every CPPStatut written is checked against it. */
    @Bean
    StatutSchema statutSchema() {
        return new StatutSchema();
    }

    /** Deposit and integration reports in Chorus's format, from our platform code. */
    @Bean
    FlowStatutReports flowStatutReports(AchemineProperties properties, ValidationEngine engine, StatutSchema schema) {
        return new FlowStatutReports(properties.platformCode(), engine.policy(), new FluxStatutWriter(schema));
    }

    /** Claims that keep several engines on one database from taking a file or a flow twice (ADR 0019). */
    @Bean
    FlowClaims flowClaims(WorkClaims claims, FlowRegistry registry, Clock clock, ClusterProperties cluster) {
        return cluster.enabled() ? new FlowClaims(claims, registry, clock, cluster.lease()) : FlowClaims.single();
    }

    @Bean
    FlowReception flowReception(FlowArchive archive, FlowRegistry registry, AchemineProperties properties,
                                Clock clock, UnreadableEntries unreadable, ChannelArrivals arrivals,
                                FlowClaims claims) {
        return new FlowReception(archive, registry, new InterfaceSniffer(), properties.platformCode(), clock,
                properties.validation().toSettings().maxFileSize(), unreadable, arrivals, claims);
    }

    /** What the engine's permissions keep it from taking, said once (issue 11). */
    @Bean
    UnreadableEntries unreadableEntries() {
        return new UnreadableEntries();
    }

    @Bean
    UnlistedEntries unlistedEntries(AchemineProperties properties, Clock clock, UnreadableEntries unreadable) {
        return new UnlistedEntries(properties.intake().readLockInterval(), clock, unreadable);
    }

    @Bean
    SettledFileReadLock settledFileReadLock(AchemineProperties properties, Clock clock) {
        return new SettledFileReadLock(new Settling(properties.intake().readLockInterval(), clock));
    }

    /** One deposit queue per partner and the engine's worker slots (ADR 0012). */
    @Bean
    DepositQueues depositQueues(Mailboxes mailboxes, AchemineProperties properties) {
        return new DepositQueues(mailboxes.partners().stream().map(AchemineProperties.Partner::code)
                .collect(Collectors.toSet()), properties.intake());
    }

    @Bean
    FlowWatchdog flowWatchdog(AchemineProperties properties, Clock clock) {
        return new FlowWatchdog(properties.intake().checkTimeLimit(), clock);
    }

    @Bean
    FlowDeposit flowDeposit(ValidationEngine engine, DepositReport reports, FlowStatutReports officialReports,
                            FlowRegistry registry, Mailboxes mailboxes,
                            StatusFlowHandler statusFlows, IntakeMetrics metrics, DepositQueues queues,
                            FlowWatchdog watchdog, PublicationJournal publications, AchemineProperties properties,
                            Clock clock, FlowClaims claims, DepositAnswers answers) {
        return new FlowDeposit(engine, reports, officialReports, registry, mailboxes, clock, statusFlows, metrics, queues,
                watchdog, publications, properties.intake().maxAttempts(), claims, answers);
    }

    /** The intake's backlog, read in memory: batch runs yield to it while it is high (ADR 0029). */
    @Bean
    DepositBacklog depositBacklog(CamelContext camel, FlowDeposit deposit) {
        return new DepositBacklog(camel, deposit::inHand);
    }

    /** The answering thread: closed after the routes have stopped, once it has written what is queued. */
    @Bean(destroyMethod = "close")
    DepositAnswers depositAnswers(PublicationJournal publications, AchemineProperties properties) {
        return new DepositAnswers(publications, properties.intake().answerGroupSize());
    }

    /** Free space on the data folder's disk; also reported by the mailboxes' health. */
    @Bean
    DiskSpaceCondition diskSpaceCondition(Mailboxes mailboxes, AchemineProperties properties) {
        return new DiskSpaceCondition(mailboxes.dataDir(), properties.intake().minFreeSpace());
    }

    /** Intake takes files only while the disk has room and the database answers. */
    @Bean
    IntakeGate intakeGate(DiskSpaceCondition diskSpace, DataSource dataSource, Mailboxes mailboxes,
                          AchemineProperties properties, Clock clock) {
        DatabaseCondition database = new DatabaseCondition(dataSource, properties.intake().resourceCheckInterval());
        return new IntakeGate(List.of(diskSpace, database), mailboxes.dataDir().toString(), clock);
    }

    @Bean
    IntakeMetrics intakeMetrics(MeterRegistry meterRegistry, IntakeGate gate, FlowWatchdog watchdog) {
        return new IntakeMetrics(meterRegistry, gate, watchdog);
    }

    /** Settled before any route starts: see {@link RecoveryBacklog}. Skipped when intake is disabled. */
    @Bean
    RecoveryBacklog recoveryBacklog(FlowArchive archive, FlowRegistry registry, Mailboxes mailboxes,
            PublicationJournal publications, AchemineProperties properties, EngineNode node) {
        if (!properties.intake().enabled()) {
            return new RecoveryBacklog(List.of());
        }
        try {
            return new RecoveryBacklog(
                    new IntakeRecovery(archive, registry, mailboxes, publications, node.othersAlive()).recover());
        } catch (IOException e) {
            throw new UncheckedIOException("Intake recovery failed at start-up", e);
        }
    }
}
