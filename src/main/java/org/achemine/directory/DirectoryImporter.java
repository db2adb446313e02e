package org.achemine.directory;

import java.nio.file.Path;
import java.time.Clock;
import org.achemine.batch.RunRequest;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

/** Runs the {@code directory-import} job on a pair of files and says how it went. */
@Component
public class DirectoryImporter {

    private final JobOperator jobOperator;
    private final Job directoryImportJob;
    private final DirectoryGenerations generations;
    private final Clock clock;

    public DirectoryImporter(JobOperator jobOperator, Job directoryImportJob, DirectoryGenerations generations,
                             Clock clock) {
        this.clock = clock;
        this.jobOperator = jobOperator;
        this.directoryImportJob = directoryImportJob;
        this.generations = generations;
    }

    public static JobParameters parameters(Path structures, Path services, Clock clock) {
        return RunRequest.parameters(clock)
                .addString("structures", structures.toAbsolutePath().toString())
                .addString("services", services.toAbsolutePath().toString())
                .toJobParameters();
    }

    public ImportOutcome importFiles(Path structures, Path services) throws Exception {
        JobExecution execution = jobOperator.start(directoryImportJob, parameters(structures, services, clock));
        return outcome(execution, structures);
    }

    public ImportOutcome outcome(JobExecution execution, Path structures) {
        long generation = execution.getJobInstance().getInstanceId();
        var counts = generations.counts(generation);
        String failure = execution.getAllFailureExceptions().stream()
                .map(DirectoryImporter::rootCause).map(Throwable::getMessage).findFirst().orElse(null);
        return new ImportOutcome(execution.getStatus() == BatchStatus.COMPLETED, generation, counts.structures(),
                counts.services(), counts.rejected(), counts.warnings(),
                DirectoryImportReport.reportFileFor(structures), failure);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** How an import went; {@code failure} says why when it did not complete. */
    public record ImportOutcome(boolean activated, long generation, int structures, int services, int rejectedRows,
                                int warningRows, Path report, String failure) {
    }
}
