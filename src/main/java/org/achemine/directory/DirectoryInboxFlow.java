package org.achemine.directory;

import org.achemine.cluster.Leadership;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.achemine.directory.DirectoryDrops.DirectoryDrop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.integration.launch.JobLaunchRequest;
import org.springframework.batch.integration.launch.JobLaunchingGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;

/**
 * Watches the directory inbox and launches the import job from a message (spring-batch-integration's
 * {@link JobLaunchingGateway}) when a structures file and a services file have been dropped.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "achemine.directory.watch", havingValue = "true")
public class DirectoryInboxFlow {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryInboxFlow.class);
    private static final String DROP = "directoryDrop";

    @Bean
    DirectoryDrops directoryDrops(DirectoryProperties properties, DirectoryGenerations generations) {
        return DirectoryDrops.of(properties, generations);
    }

    @Bean
    IntegrationFlow directoryInbox(DirectoryDrops drops, DirectoryProperties properties, JobOperator jobOperator,
                                   Job directoryImportJob, DirectoryImporter importer, DirectoryImportReport reports,
                                   Clock clock, Leadership leadership) {
        return IntegrationFlow.fromSupplier(drops::next,
                        source -> leadership.onLeader(source.poller(Pollers.fixedDelay(properties.pollInterval()))))
                .enrichHeaders(h -> h.headerExpression(DROP, "payload"))
                .<DirectoryDrop, JobLaunchRequest>transform(drop -> new JobLaunchRequest(directoryImportJob,
                        DirectoryImporter.parameters(drop.structures(), drop.services(), clock)))
                .handle(new JobLaunchingGateway(jobOperator))
                .handle(JobExecution.class, (execution, headers) -> fileAway(drops, importer, reports, execution,
                        headers.get(DROP, DirectoryDrop.class)))
                .get();
    }

    /** After the import: the files go to done/ or failed/ with their report (saying why when refused). */
    private static Object fileAway(DirectoryDrops drops, DirectoryImporter importer, DirectoryImportReport reports,
                                   JobExecution execution, DirectoryDrop drop) {
        var outcome = importer.outcome(execution, drop.structures());
        try {
            if (!outcome.activated()) {
                // The one who dropped the files reads failed/: the report there says why, with its code.
                reports.recordRefusal(drop.structures(), String.valueOf(outcome.failure()));
            }
            Path filed = drops.finish(drop, outcome.activated());
            LOG.info("Directory import from {}: {} ({} structures, {} rows rejected), filed in {}", drop.folder(),
                    outcome.activated() ? "activated" : "refused: " + outcome.failure(), outcome.structures(),
                    outcome.rejectedRows(), filed);
        } catch (IOException e) {
            LOG.error("Directory import files could not be filed from {}", drop.folder(), e);
        }
        return null;
    }
}
