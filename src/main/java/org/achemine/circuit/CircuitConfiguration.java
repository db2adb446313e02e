package org.achemine.circuit;

import java.time.Clock;
import org.achemine.config.AchemineProperties;
import org.achemine.delivery.ArchivedDocuments;
import org.achemine.delivery.InvoiceDelivery;
import org.achemine.directory.DirectoryLookup;
import org.achemine.lifecycle.InvoiceLedger;
import org.achemine.mailbox.Mailboxes;
import org.achemine.routing.CircuitHook;
import org.achemine.routing.RoutingProperties;
import org.achemine.validation.admissibility.ArchiveUnpacker;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The validation circuits: routing's hook, and the two steps the routing job runs for them. */
@Configuration(proxyBeanMethods = false)
public class CircuitConfiguration {

    @Bean
    CircuitHook validationCircuits(AchemineProperties properties, JdbcTemplate jdbc, Mailboxes mailboxes,
                                   DirectoryLookup directory, CircuitProperties circuits) {
        ArchivedDocuments documents = new ArchivedDocuments(jdbc,
                new ArchiveUnpacker(properties.validation().toSettings()));
        return new ValidationCircuits(documents, mailboxes, directory, jdbc, circuits);
    }

    /**
     * Validations unanswered past their delay closed with the configured outcome, and the works cycle's silent
     * MOE or MOA recorded, a chunk per transaction (a chunk is short only when both are).
     */
    @Bean
    Step closeOverdueCircuits(JobRepository jobRepository, PlatformTransactionManager tx, RoutingProperties routing,
                              JdbcTemplate jdbc, InvoiceLedger ledger, Clock clock, CircuitProperties circuits) {
        OverdueValidations overdue = new OverdueValidations(jdbc, ledger, clock, circuits.onTimeout());
        WorksDeadlines works = new WorksDeadlines(jdbc, ledger, clock);
        return chunkedStep("close-overdue-circuits", jobRepository, tx, routing.chunkSize(),
                limit -> overdue.closeNext(limit) + works.closeNext(limit));
    }

    /**
     * Works invoices their MOE let go transmitted to their MOA, then invoices their validator or MOA let go
     * delivered to their recipient, a chunk per transaction.
     */
    @Bean
    Step forwardValidatedInvoices(JobRepository jobRepository, PlatformTransactionManager tx, RoutingProperties routing,
                                  JdbcTemplate jdbc, InvoiceLedger ledger, InvoiceDelivery delivery, Clock clock,
                                  CircuitProperties circuits) {
        MoaTransmission toMoa = new MoaTransmission(jdbc, ledger, delivery, clock, circuits.moaDelay());
        ValidatedForwarding forwarding = new ValidatedForwarding(jdbc, ledger, delivery, clock);
        return chunkedStep("forward-validated-invoices", jobRepository, tx, routing.chunkSize(),
                limit -> toMoa.transmitNext(limit) + forwarding.forwardNext(limit));
    }

    /** Work done a chunk at a time, each in its own transaction, returning how many it did. */
    interface ChunkOfWork {
        int next(int limit) throws Exception;
    }

    /** A step that repeats the work, a transaction per chunk, until a chunk comes back short. */
    private static Step chunkedStep(String name, JobRepository jobRepository, PlatformTransactionManager tx, int chunk,
                                    ChunkOfWork work) {
        return new StepBuilder(name, jobRepository)
                .tasklet((contribution, context) -> {
                    int done = work.next(chunk);
                    contribution.incrementWriteCount(done);
                    return done < chunk ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
                }, tx)
                .build();
    }
}
