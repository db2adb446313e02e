package org.achemine.routing;

import org.achemine.batch.IntakeYield;
import org.achemine.batch.JobLauncherThread;
import org.achemine.batch.TriggerQueryThread;
import org.achemine.cluster.Leadership;
import java.time.Clock;
import java.time.Duration;
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
import org.springframework.messaging.MessageChannel;

/**
 * Launches the routing job from messages (spring-batch-integration's {@link JobLaunchingGateway}): shortly
 * after intake accepted invoices (the nightly run, {@code achemine.nightly.cron}, runs it too). Requests go
 * through a channel served by a single thread, and no request is made while a run is in progress. The poller's
 * decision reads the database on a thread of its own ({@link TriggerQueryThread}), which stopping the poller does
 * not interrupt. Both threads are waited for at the engine's stop before the data source closes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "achemine.intake.enabled", havingValue = "true")
public class RoutingTriggerFlow {

    /** How long the engine's stop waits for the run or the query in hand before the database closes. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);

    @Bean
    RoutingTrigger routingTrigger(JdbcTemplate jdbc, JobRepository jobRepository, Job routingJob,
                                  RoutingProperties properties, Clock clock, JobOperator jobOperator,
                                  @Qualifier("routingLauncherThread") JobLauncherThread routingLauncherThread,
                                  IntakeYield intakeYield) {
        return new RoutingTrigger(jdbc, jobRepository, routingJob, properties.retryAfter(), clock, jobOperator,
                routingLauncherThread::busy, intakeYield);
    }

    /**
     * One thread launches: requests from both pollers are served one after the other. On shutdown (SIGTERM)
     * the run in hand is given time to finish before the database closes; a run cut short anyway is
     * recovered at the next start.
     */
    @Bean
    @DependsOn("dataSource") // stopped (its run waited for) before the data source closes
    JobLauncherThread routingLauncherThread() {
        return new JobLauncherThread("routing", STOP_WAIT);
    }

    @Bean
    @DependsOn("dataSource") // stopped (its query waited for) before the data source closes
    TriggerQueryThread routingTriggerThread() {
        return new TriggerQueryThread("routing", STOP_WAIT);
    }

    @Bean
    MessageChannel routingLaunches(@Qualifier("routingLauncherThread") JobLauncherThread routingLauncherThread) {
        return MessageChannels.executor(routingLauncherThread).getObject();
    }

    @Bean
    IntegrationFlow routingAfterIntake(RoutingTrigger trigger, RoutingProperties properties, Leadership leadership,
                                       @Qualifier("routingTriggerThread") TriggerQueryThread routingTriggerThread) {
        return IntegrationFlow.fromSupplier(() -> routingTriggerThread.ask(trigger::launchIfWaiting),
                        source -> leadership.onLeader(source.poller(Pollers.fixedDelay(properties.triggerDelay()))))
                .channel("routingLaunches")
                .get();
    }

    @Bean
    IntegrationFlow routingLauncher(JobOperator jobOperator) {
        return IntegrationFlow.from("routingLaunches")
                .handle(new JobLaunchingGateway(jobOperator))
                .nullChannel();
    }
}
