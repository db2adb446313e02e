package org.achemine.nightly;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.achemine.batch.CleanStop;
import org.achemine.directory.DirectoryDrops;
import org.achemine.directory.DirectoryGenerations;
import org.achemine.directory.DirectoryDrops.DirectoryDrop;
import org.achemine.directory.DirectoryImportJobConfiguration;
import org.achemine.directory.DirectoryImporter;
import org.achemine.directory.DirectoryImporter.ImportOutcome;
import org.achemine.directory.DirectoryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code nightly} job: the night's work in order, each job as a step ({@code JobStep}): the directory
 * import if new files wait in the directory inbox (then filed under done/ or failed/), routing, lifecycle
 * reports, daily summaries. Restartable: a failed nightly restarted skips the steps that completed and
 * restarts the failed job where it stopped (each child runs with parameters fixed by the nightly's instance,
 * kept by its step, so a restart continues the same child run).
 */
@Configuration(proxyBeanMethods = false)
public class NightlyJobConfiguration {

    public static final String JOB_NAME = "nightly";
    static final String NEW_FILES = "NEW_FILES";
    private static final Logger LOG = LoggerFactory.getLogger(NightlyJobConfiguration.class);
    private static final String STRUCTURES = "directory.structures";
    private static final String SERVICES = "directory.services";
    private static final String FOLDER = "directory.folder";

    @Bean
    Job nightlyJob(JobRepository jobRepository, Step takeDirectoryFiles, Step nightlyDirectoryImport,
                   Step fileDirectoryFiles, Step nightlyRouting, Step nightlyLifecycleReport,
                   Step nightlyDailySummaries, CleanStop stop) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(stop)
                .start(takeDirectoryFiles).on(NEW_FILES).to(nightlyDirectoryImport)
                .from(takeDirectoryFiles).on("*").to(nightlyRouting)
                // A refused directory (bad files) is filed under failed/ and the night goes on with the one in use.
                .from(nightlyDirectoryImport).on("*").to(fileDirectoryFiles)
                .from(fileDirectoryFiles).on("*").to(nightlyRouting)
                .from(nightlyRouting).next(nightlyLifecycleReport)
                .from(nightlyLifecycleReport).next(nightlyDailySummaries)
                .end()
                .build();
    }

    @Bean
    NightlyRun nightlyRun(JobOperator jobOperator, JobRepository jobRepository, @Qualifier("nightlyJob") Job nightlyJob,
                          NightlyProperties properties, Clock clock) {
        return new NightlyRun(jobOperator, jobRepository, nightlyJob, properties, clock);
    }

    /** Takes a settled pair of directory files from the inbox, if any, for this night's import. */
    @Bean
    Step takeDirectoryFiles(JobRepository jobRepository, PlatformTransactionManager tx, DirectoryProperties properties,
                            DirectoryGenerations generations) {
        DirectoryDrops drops = DirectoryDrops.of(properties, generations);
        return new StepBuilder("take-directory-files", jobRepository)
                .tasklet((contribution, context) -> {
                    DirectoryDrop drop = drops.next();
                    if (drop == null) {
                        contribution.setExitStatus(new ExitStatus("NO_NEW_FILES", "no directory files"));
                    } else {
                        ExecutionContext job = context.getStepContext().getStepExecution().getJobExecution()
                                .getExecutionContext();
                        job.putString(STRUCTURES, drop.structures().toString());
                        job.putString(SERVICES, drop.services().toString());
                        job.putString(FOLDER, drop.folder().toString());
                        contribution.setExitStatus(new ExitStatus(NEW_FILES, "directory files " + drop.folder()));
                    }
                    return RepeatStatus.FINISHED;
                }, tx)
                .build();
    }

    @Bean
    Step nightlyDirectoryImport(JobRepository jobRepository, JobOperator jobOperator,
                                @Qualifier("directoryImportJob") Job directoryImportJob) {
        return new StepBuilder("directory-import", jobRepository)
                .job(directoryImportJob)
                .operator(jobOperator)
                .parametersExtractor((job, step) -> directoryParameters(step))
                .build();
    }

    /** Files the directory files under done/ or failed/ with their import report, as the inbox watcher does. */
    @Bean
    Step fileDirectoryFiles(JobRepository jobRepository, PlatformTransactionManager tx, DirectoryProperties properties,
                            DirectoryImporter importer, DirectoryGenerations generations) {
        DirectoryDrops drops = DirectoryDrops.of(properties, generations);
        return new StepBuilder("file-directory-files", jobRepository)
                .tasklet((contribution, context) -> {
                    StepExecution step = context.getStepContext().getStepExecution();
                    ExecutionContext job = step.getJobExecution().getExecutionContext();
                    DirectoryDrop drop = new DirectoryDrop(Path.of(job.getString(FOLDER)),
                            Path.of(job.getString(STRUCTURES)), Path.of(job.getString(SERVICES)));
                    JobExecution imported = jobRepository.getLastJobExecution(
                            DirectoryImportJobConfiguration.JOB_NAME, directoryParameters(step));
                    boolean activated = false;
                    if (imported != null) {
                        ImportOutcome outcome = importer.outcome(imported, drop.structures());
                        activated = outcome.activated();
                        contribution.setExitStatus(contribution.getExitStatus().addExitDescription(activated
                                ? "directory activated: " + outcome.structures() + " structures"
                                : "directory refused: " + outcome.failure()));
                    }
                    fileAway(drops, drop, activated);
                    return RepeatStatus.FINISHED;
                }, tx)
                .build();
    }

    @Bean
    Step nightlyRouting(JobRepository jobRepository, JobOperator jobOperator, @Qualifier("routingJob") Job routingJob) {
        return childStep("routing", routingJob, jobRepository, jobOperator);
    }

    @Bean
    Step nightlyLifecycleReport(JobRepository jobRepository, JobOperator jobOperator,
                                @Qualifier("lifecycleReportJob") Job lifecycleReportJob) {
        return childStep("lifecycle-report", lifecycleReportJob, jobRepository, jobOperator);
    }

    @Bean
    Step nightlyDailySummaries(JobRepository jobRepository, JobOperator jobOperator,
                               @Qualifier("dailySummariesJob") Job dailySummariesJob) {
        return childStep("daily-summaries", dailySummariesJob, jobRepository, jobOperator);
    }

    private static Step childStep(String name, Job job, JobRepository jobRepository, JobOperator jobOperator) {
        return new StepBuilder(name, jobRepository)
                .job(job)
                .operator(jobOperator)
                .parametersExtractor((child, step) -> nightlyParameters(step).toJobParameters())
                .build();
    }

    /** One child run per nightly run: identified by the nightly's instance, so a restart continues it. */
    private static JobParametersBuilder nightlyParameters(StepExecution step) {
        return new JobParametersBuilder().addLong("nightly", step.getJobExecution().getJobInstance().getInstanceId());
    }

    private static JobParameters directoryParameters(StepExecution step) {
        ExecutionContext job = step.getJobExecution().getExecutionContext();
        return nightlyParameters(step)
                .addString("structures", Path.of(job.getString(STRUCTURES)).toAbsolutePath().toString())
                .addString("services", Path.of(job.getString(SERVICES)).toAbsolutePath().toString())
                .toJobParameters();
    }

    private static void fileAway(DirectoryDrops drops, DirectoryDrop drop, boolean activated) {
        try {
            if (drop.folder().toFile().isDirectory()) {
                LOG.info("Nightly directory import from {}: filed in {}", drop.folder(), drops.finish(drop, activated));
            }
        } catch (IOException e) {
            LOG.error("Directory import files could not be filed from {}", drop.folder(), e);
        }
    }
}
