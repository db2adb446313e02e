package org.achemine.directory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;
import org.achemine.directory.DirectoryGenerations.GenerationCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Last step of an import: rejects services of unknown structures, writes the import report next to the
 * structures file, and activates the new generation unless too many rows were malformed — then the import
 * fails and routing keeps the directory it had.
 */
@Component
public class DirectoryActivation implements Tasklet {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryActivation.class);

    private final DirectoryGenerations generations;
    private final DirectoryImportReport report;
    private final DirectoryProperties properties;
    private final JobRepository jobRepository;

    public DirectoryActivation(DirectoryGenerations generations, DirectoryImportReport report,
                               DirectoryProperties properties, JobRepository jobRepository) {
        this.generations = generations;
        this.report = report;
        this.properties = properties;
        this.jobRepository = jobRepository;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) throws IOException {
        JobExecution job = context.getStepContext().getStepExecution().getJobExecution();
        long generation = job.getJobInstance().getInstanceId();
        generations.rejectOrphanServices(generation);
        GenerationCounts counts = generations.counts(generation);
        // After a restart the structures were read by an earlier execution of this import: count from the
        // last execution of each step, whichever execution it belonged to.
        long rowsRead = Stream.of("import-structures", "import-services")
                .map(step -> jobRepository.getLastStepExecution(job.getJobInstance(), step))
                .filter(Objects::nonNull)
                .mapToLong(StepExecution::getReadCount)
                .sum();
        double badShare = rowsRead == 0 ? 1.0 : (double) counts.rejected() / rowsRead;
        Path structuresFile = Path.of(job.getJobParameters().getString("structures"));
        Path reportFile = report.write(structuresFile, generation, counts, rowsRead);
        if (counts.structures() == 0 || badShare > properties.maxBadRowShare()) {
            generations.fail(generation, counts);
            String reason = counts.structures() == 0
                    ? "aucune structure valide"
                    : String.format("%d lignes rejetées sur %d (%.1f %%), au-delà du seuil de %.1f %%", counts.rejected(),
                            rowsRead, badShare * 100, properties.maxBadRowShare() * 100);
            throw new DirectoryImportRefusedException("Import de l'annuaire refusé : " + reason
                    + " ; l'annuaire en service est conservé. Rapport : " + reportFile);
        }
        generations.activate(generation, counts);
        generations.purgeOlderThanPrevious(generation);
        LOG.info("Directory generation {} active: {} structures, {} services, {} rows rejected, {} warnings; report {}",
                generation, counts.structures(), counts.services(), counts.rejected(), counts.warnings(), reportFile);
        return RepeatStatus.FINISHED;
    }
}
