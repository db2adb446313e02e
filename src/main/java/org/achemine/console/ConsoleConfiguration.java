package org.achemine.console;

import java.time.Clock;
import org.achemine.batch.IntakeYield;
import org.achemine.batch.JobHistory;
import org.achemine.directory.DirectoryProperties;
import org.achemine.intake.FlowRegistry;
import org.achemine.intake.IntakeGate;
import org.achemine.nightly.NightlyRun;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;

/** The console's services: only the engine that serves HTTP ({@code run}) has them. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class ConsoleConfiguration {

    @Bean
    ConsoleQueries consoleQueries(JdbcTemplate jdbc, JobHistory jobs, ObjectProvider<IntakeGate> gate, Clock clock,
                                  ConsoleProperties properties, IntakeYield intakeYield) {
        return new ConsoleQueries(jdbc, jobs, gate.getIfAvailable(), clock, properties.timeZone(), intakeYield);
    }

    @Bean
    ConsoleFormat consoleFormat(ConsoleProperties properties) {
        return new ConsoleFormat(properties.timeZone());
    }

    @Bean
    ActionAudit actionAudit(JdbcTemplate jdbc, Clock clock) {
        return new ActionAudit(jdbc, clock);
    }

    @Bean
    OperatorActions operatorActions(FlowRegistry flows, JobOperator jobOperator, JobRepository jobRepository,
                                    @Qualifier("routingJob") Job routingJob, NightlyRun nightly,
                                    DirectoryProperties directory, ActionAudit audit, Clock clock) {
        return new OperatorActions(flows, jobOperator, jobRepository, routingJob, nightly, directory.inbox(), audit,
                clock);
    }
}
