package org.achemine.lifecycle.report;

import java.time.Clock;
import org.achemine.batch.CleanStop;
import org.achemine.batch.IntakeYield;
import org.achemine.config.AchemineProperties;
import org.achemine.mailbox.Mailboxes;
import org.achemine.publication.PublicationJournal;
import org.achemine.report.cppstatut.StatutSchema;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code lifecycle-report} job: one lifecycle report per supplier partner listing its invoices' status
 * changes not yet reported ({@link LifecycleReports}), and the {@code daily-summaries} job: the dashboard CSV
 * of every recipient and supplier ({@link DailySummaries}). Both restartable: what is done is in the
 * database, a run does what is left.
 */
@Configuration(proxyBeanMethods = false)
public class LifecycleReportJobConfiguration {

    public static final String JOB_NAME = "lifecycle-report";
    public static final String SUMMARIES_JOB_NAME = "daily-summaries";

    @Bean
    Job lifecycleReportJob(JobRepository jobRepository, LifecycleReports reports, CleanStop stop,
                           IntakeYield intakeYield) {
        // The protocol commits itself at each stage; the step's own transaction must not hold them back. A stop
        // ends the run between two reports (or drops the one being written, before anything is recorded). While
        // the intake has a burst to answer, the run waits before its step and before each report, as routing
        // waits between its chunks (ADR 0029).
        Step step = new StepBuilder("write-lifecycle-reports", jobRepository)
                .tasklet((contribution, context) -> {
                    LifecycleReports.RunSummary summary = reports.run(() -> intakeYield.awaitTurn(JOB_NAME),
                            stop::requested);
                    stop.stopsStep(contribution.getStepExecution());
                    contribution.incrementWriteCount(summary.changes());
                    contribution.setExitStatus(contribution.getExitStatus().addExitDescription("reports="
                            + summary.reports() + " changes=" + summary.changes() + " resumed=" + summary.resumed()));
                    return RepeatStatus.FINISHED;
                }, new ResourcelessTransactionManager())
                .listener((StepExecutionListener) intakeYield)
                .build();
        // a run the bound let go ends its yield with it (ADR 0029); its start waited at the trigger
        return new JobBuilder(JOB_NAME, jobRepository).listener(stop).listener(intakeYield).start(step).build();
    }

    @Bean
    Job dailySummariesJob(JobRepository jobRepository, PlatformTransactionManager tx, DailySummaries summaries,
                          CleanStop stop) {
        Step step = new StepBuilder("write-daily-summaries", jobRepository)
                .tasklet((contribution, context) -> {
                    DailySummaries.RunSummary summary = summaries.writeAll();
                    contribution.incrementWriteCount(summary.files());
                    contribution.setExitStatus(contribution.getExitStatus().addExitDescription("recipients="
                            + summary.recipients() + " suppliers=" + summary.suppliers()));
                    return RepeatStatus.FINISHED;
                }, tx)
                .build();
        return new JobBuilder(SUMMARIES_JOB_NAME, jobRepository).listener(stop).start(step).build();
    }

    @Bean
    LifecycleReportFormat lifecycleReportFormat(StatutSchema schema) {
        return new LifecycleReportFormat(schema);
    }

    @Bean
    LifecycleReports lifecycleReports(JdbcTemplate jdbc, PlatformTransactionManager tx, LifecycleReportFormat format,
                                      Mailboxes mailboxes, AchemineProperties properties, Clock clock,
                                      PublicationJournal publications) {
        TransactionTemplate ownCommit = new TransactionTemplate(tx);
        ownCommit.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new LifecycleReports(jdbc, ownCommit, format, mailboxes, properties.platformCode(), clock, publications);
    }

    @Bean
    DailySummaries dailySummaries(JdbcTemplate jdbc, Mailboxes mailboxes, LifecycleProperties properties, Clock clock,
                                  PublicationJournal publications) {
        return new DailySummaries(jdbc, mailboxes, properties.summaryWaiting(), properties.timeZone(), clock,
                publications);
    }
}
