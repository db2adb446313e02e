package org.achemine.lifecycle.report;

import org.achemine.batch.IntakeYield;
import org.achemine.batch.JobLauncherThread;
import org.achemine.batch.JobRecoveryProperties;
import org.achemine.batch.TriggerQueryThread;
import org.achemine.cluster.Leadership;
import java.time.Clock;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.launch.JobLaunchingGateway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.MessageChannels;
import org.springframework.integration.dsl.Pollers;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Launches the lifecycle-report job from a poller (spring-batch-integration's {@link JobLaunchingGateway}):
 * every {@code achemine.lifecycle.trigger-delay}, when status changes (from routing, from recipients' status
 * files, from suppliers' completions) wait to be reported. The poller asks, its question read from the database
 * on a thread of its own ({@link TriggerQueryThread}); its launcher thread ({@link JobLauncherThread}) runs the job,
 * one run at a time. Neither is interrupted when the poller stops, and both are waited for at the engine's stop
 * before the data source closes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "achemine.intake.enabled", havingValue = "true")
public class LifecycleReportTriggerFlow {

    @Bean
    LifecycleReportTrigger lifecycleReportTrigger(JdbcTemplate jdbc, JobRepository jobRepository,
                                                  @Qualifier("lifecycleReportJob") Job lifecycleReportJob, Clock clock,
                                                  IntakeYield intakeYield,
                                                  @Qualifier("lifecycleReportLauncherThread")
                                                  JobLauncherThread launcherThread) {
        return new LifecycleReportTrigger(jdbc, jobRepository, lifecycleReportJob, clock, intakeYield,
                launcherThread::busy);
    }

    @Bean
    @DependsOn("dataSource") // stopped (its run waited for) before the data source closes
    JobLauncherThread lifecycleReportLauncherThread(JobRecoveryProperties recovery) {
        return new JobLauncherThread(LifecycleReportJobConfiguration.JOB_NAME, recovery.stopWait());
    }

    @Bean
    @DependsOn("dataSource") // stopped (its query waited for) before the data source closes
    TriggerQueryThread lifecycleReportTriggerThread(JobRecoveryProperties recovery) {
        return new TriggerQueryThread(LifecycleReportJobConfiguration.JOB_NAME, recovery.stopWait());
    }

    @Bean
    IntegrationFlow lifecycleReportsAfterStatusChanges(LifecycleReportTrigger trigger, LifecycleProperties properties,
                                                       JobOperator jobOperator, Leadership leadership,
                                                       @Qualifier("lifecycleReportLauncherThread")
                                                       JobLauncherThread launcherThread,
                                                       @Qualifier("lifecycleReportTriggerThread")
                                                       TriggerQueryThread triggerThread) {
        return IntegrationFlow.fromSupplier(() -> triggerThread.ask(trigger::launchIfWaiting),
                        source -> leadership.onLeader(source.poller(Pollers.fixedDelay(properties.triggerDelay()))))
                .channel(MessageChannels.executor(launcherThread))
                .handle(new JobLaunchingGateway(jobOperator))
                .nullChannel();
    }
}
