package org.achemine.lifecycle.updates;

import java.time.Clock;
import org.achemine.config.AchemineProperties;
import org.achemine.intake.FlowRegistry;
import org.achemine.lifecycle.InvoiceLedger;
import org.achemine.mailbox.Mailboxes;
import org.achemine.publication.PublicationJournal;
import org.achemine.report.StatusReport;
import org.achemine.validation.admissibility.ArchiveUnpacker;
import org.achemine.validation.attachment.AttachmentCheck;
import org.achemine.intake.AttachmentProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the processing of status flows, handed to the intake as its {@link org.achemine.intake.StatusFlowHandler}. */
@Configuration(proxyBeanMethods = false)
public class StatusUpdatesConfiguration {

    /** The status schema and the report schema are compiled once here, then shared by every intake worker. */
    @Bean
    StatusFlowProcessor statusFlowProcessor(FlowRegistry registry, Mailboxes mailboxes, TransactionTemplate transactions,
                                            InvoiceLedger ledger, JdbcTemplate jdbc, StatusUpdatesProperties properties,
                                            Clock clock, PublicationJournal publications, AchemineProperties achemine,
                                            AttachmentProperties attachments, CompletionDocuments completionDocuments) {
        return new StatusFlowProcessor(registry, mailboxes, transactions, new StatusUpdateApplier(ledger, jdbc, clock, properties.futureTolerance()),
                new StatusFlowRecord(jdbc), new CppStatutStatusFile(), new StatusReport(),
                properties, clock, publications,
                new CompletionBundle(new ArchiveUnpacker(achemine.validation().toSettings()),
                        new AttachmentCheck(attachments.toLimits()), new CppStatutStatusFile()),
                completionDocuments);
    }

    @Bean
    CompletionDocuments completionDocuments(JdbcTemplate jdbc, AchemineProperties achemine) {
        return new CompletionDocuments(jdbc, new ArchiveUnpacker(achemine.validation().toSettings()));
    }
}
