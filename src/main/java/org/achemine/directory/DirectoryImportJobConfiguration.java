package org.achemine.directory;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.achemine.batch.CleanStop;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.support.CompositeItemProcessor;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code directory-import} job: open a new generation, load the structures file, load the services
 * file (malformed rows skipped and recorded), then check and activate the generation in one statement.
 * Restartable: readers resume after the last committed chunk and writers merge on the row key.
 * Parameters: {@code structures} and {@code services} (file paths), {@code requestedAt} (makes each import
 * a new job instance).
 */
@Configuration(proxyBeanMethods = false)
public class DirectoryImportJobConfiguration {

    public static final String JOB_NAME = "directory-import";

    @Bean
    Job directoryImportJob(JobRepository jobRepository, Step openDirectoryGeneration, Step importStructures,
                           Step importServices, Step activateDirectoryGeneration, CleanStop stop) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(stop)
                .start(openDirectoryGeneration)
                .next(importStructures)
                .next(importServices)
                .next(activateDirectoryGeneration)
                .build();
    }

    @Bean
    Step openDirectoryGeneration(JobRepository jobRepository, PlatformTransactionManager tx, DirectoryGenerations generations) {
        return new StepBuilder("open-directory-generation", jobRepository)
                .tasklet((contribution, context) -> {
                    var job = context.getStepContext().getStepExecution().getJobExecution();
                    generations.open(job.getJobInstance().getInstanceId(),
                            job.getJobParameters().getString("structures"),
                            job.getJobParameters().getString("services"));
                    return RepeatStatus.FINISHED;
                }, tx)
                .build();
    }

    @Bean
    Step importStructures(JobRepository jobRepository, PlatformTransactionManager tx, DirectoryProperties properties,
                          CsvRowReader structuresReader,
                          ItemProcessor<CsvRow, DirectoryEntry<PublicStructure>> structuresProcessor,
                          DirectoryImportIssues structureIssues,
                          DirectoryRowWriter<PublicStructure> structuresWriter) {
        return new StepBuilder("import-structures", jobRepository)
                .<CsvRow, DirectoryEntry<PublicStructure>>chunk(properties.chunkSize())
                .transactionManager(tx)
                .reader(structuresReader)
                .processor(structuresProcessor)
                .writer(structuresWriter)
                .faultTolerant()
                .skip(MalformedRowException.class)
                .skipPolicy((failure, count) -> failure instanceof MalformedRowException)
                .skipListener(structureIssues)
                .build();
    }

    @Bean
    Step importServices(JobRepository jobRepository, PlatformTransactionManager tx, DirectoryProperties properties,
                        CsvRowReader servicesReader,
                        ItemProcessor<CsvRow, DirectoryEntry<PublicService>> servicesProcessor,
                        DirectoryImportIssues serviceIssues,
                        DirectoryRowWriter<PublicService> servicesWriter) {
        return new StepBuilder("import-services", jobRepository)
                .<CsvRow, DirectoryEntry<PublicService>>chunk(properties.chunkSize())
                .transactionManager(tx)
                .reader(servicesReader)
                .processor(servicesProcessor)
                .writer(servicesWriter)
                .faultTolerant()
                .skip(MalformedRowException.class)
                .skipPolicy((failure, count) -> failure instanceof MalformedRowException)
                .skipListener(serviceIssues)
                .build();
    }

    @Bean
    Step activateDirectoryGeneration(JobRepository jobRepository, PlatformTransactionManager tx,
                                     DirectoryActivation activation) {
        return new StepBuilder("activate-directory-generation", jobRepository)
                .tasklet(activation, tx)
                .build();
    }

    @Bean
    @StepScope
    CsvRowReader structuresReader(@Value("#{jobParameters['structures']}") String file) {
        return new CsvRowReader(Path.of(file), DirectoryFile.STRUCTURES);
    }

    @Bean
    @StepScope
    CsvRowReader servicesReader(@Value("#{jobParameters['services']}") String file) {
        return new CsvRowReader(Path.of(file), DirectoryFile.SERVICES);
    }

    @Bean
    @StepScope
    DirectoryImportIssues structureIssues(JdbcTemplate jdbc,
                                          @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long generation) {
        return new DirectoryImportIssues(jdbc, generation, DirectoryFile.STRUCTURES);
    }

    @Bean
    @StepScope
    DirectoryImportIssues serviceIssues(JdbcTemplate jdbc,
                                        @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long generation) {
        return new DirectoryImportIssues(jdbc, generation, DirectoryFile.SERVICES);
    }

    @Bean
    @StepScope
    DirectoryRowWriter<PublicStructure> structuresWriter(JdbcTemplate jdbc, DirectoryImportIssues structureIssues,
                                                         @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long generation) {
        return DirectoryRowWriter.structures(jdbc, structureIssues, generation);
    }

    @Bean
    @StepScope
    DirectoryRowWriter<PublicService> servicesWriter(JdbcTemplate jdbc, DirectoryImportIssues serviceIssues,
                                                     @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long generation) {
        return DirectoryRowWriter.services(jdbc, serviceIssues, generation);
    }

    // Step-scoped: the duplicate detector's memory must not outlive one import.
    @Bean
    @StepScope
    CompositeItemProcessor<CsvRow, DirectoryEntry<PublicStructure>> structuresProcessor() {
        return parseThenMarkDuplicates(new StructureRowParser(), PublicStructure::identifier);
    }

    @Bean
    @StepScope
    CompositeItemProcessor<CsvRow, DirectoryEntry<PublicService>> servicesProcessor() {
        return parseThenMarkDuplicates(new ServiceRowParser(), s -> s.structureIdentifier() + "/" + s.code());
    }

    private static <T> CompositeItemProcessor<CsvRow, DirectoryEntry<T>> parseThenMarkDuplicates(
            ItemProcessor<CsvRow, DirectoryEntry<T>> parser, Function<T, String> key) {
        return new CompositeItemProcessor<>(List.of(parser, new DuplicateRows<>(key)));
    }
}
