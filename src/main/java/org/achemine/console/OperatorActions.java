package org.achemine.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.achemine.archive.AtomicFiles;
import org.achemine.batch.RunRequest;
import org.achemine.intake.FlowRegistry;
import org.achemine.nightly.NightlyJobConfiguration;
import org.achemine.nightly.NightlyRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * The console's operator actions, each audited before it runs and completed with its outcome. Jobs run on one
 * thread of their own (a page does not wait for a night's work); a retry is immediate.
 */
public class OperatorActions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorActions.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private final FlowRegistry flows;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job routingJob;
    private final NightlyRun nightly;
    private final Path directoryInbox;
    private final ActionAudit audit;
    private final Clock clock;
    private final ExecutorService jobs = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "console-action");
        thread.setDaemon(true);
        return thread;
    });

    public OperatorActions(FlowRegistry flows, JobOperator jobOperator, JobRepository jobRepository, Job routingJob,
                           NightlyRun nightly, Path directoryInbox, ActionAudit audit, Clock clock) {
        this.flows = flows;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.routingJob = routingJob;
        this.nightly = nightly;
        this.directoryInbox = directoryInbox;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Hands one parked flow (or all, {@code flowId} null) back to intake: the engine's retry loop validates and
     * answers it within {@code achemine.intake.retry-interval}.
     */
    public String retryParked(String operator, String flowId) {
        long id = audit.requested(operator, flowId == null ? OperatorAction.RETRY_ALL_PARKED : OperatorAction.RETRY_PARKED,
                flowId);
        List<String> retried = flows.retryParked(flowId);
        String outcome = retried.isEmpty() ? "aucun flux en attente après incident" + (flowId == null ? "" : " : " + flowId)
                : retried.size() + " flux remis en traitement : " + String.join(", ", retried);
        audit.ended(id, outcome);
        return outcome;
    }

    /** Starts a routing run now, unless one (or the night) is already running. */
    public String runRouting(String operator) {
        long id = audit.requested(operator, OperatorAction.RUN_ROUTING, null);
        if (!jobRepository.findRunningJobExecutions(routingJob.getName()).isEmpty()
                || !jobRepository.findRunningJobExecutions(NightlyJobConfiguration.JOB_NAME).isEmpty()) {
            String outcome = "non lancé : un acheminement ou la séquence de nuit est déjà en cours";
            audit.ended(id, outcome);
            return outcome;
        }
        jobs.submit(() -> ended(id, () -> Optional.of(jobOperator.start(routingJob,
                RunRequest.parameters(clock).toJobParameters()))));
        return "acheminement lancé";
    }

    /** Starts the nightly sequence now (it restarts today's failed night where it stopped). */
    public String runNightly(String operator) {
        long id = audit.requested(operator, OperatorAction.RUN_NIGHTLY, null);
        jobs.submit(() -> ended(id, nightly::runNow));
        return "séquence de nuit lancée";
    }

    /**
     * Drops the two files of a directory export into the directory inbox, under one drop name: the inbox's watch
     * (or the next night) imports them, and files them in done/ or failed/ with its report.
     */
    public String importDirectory(String operator, byte[] structures, byte[] services) throws IOException {
        String drop = "console-" + STAMP.format(clock.instant());
        long id = audit.requested(operator, OperatorAction.IMPORT_DIRECTORY, drop);
        Files.createDirectories(directoryInbox);
        // services first: the drop is complete (both files) once structures appears
        publish(drop + "-services.csv", services);
        publish(drop + "-structures.csv", structures);
        String outcome = "fichiers " + drop + "-structures.csv et " + drop + "-services.csv déposés dans "
                + directoryInbox + " : l'import suit (rapport dans done/ ou failed/)";
        audit.ended(id, outcome);
        return outcome;
    }

    private void publish(String name, byte[] content) throws IOException {
        AtomicFiles.write(directoryInbox.resolve("." + name + ".tmp"), directoryInbox.resolve(name), content);
    }

    private void ended(long id, JobStart start) {
        String outcome;
        try {
            outcome = start.run().map(execution -> execution.getStatus() + " (exécution " + execution.getId()
                    + (execution.getExitStatus().getExitDescription().isBlank() ? ""
                    : " : " + execution.getExitStatus().getExitDescription()) + ")")
                    .orElse("non lancé : déjà en cours");
        } catch (Exception failed) {
            LOG.error("Console action {} failed", id, failed);
            outcome = "échec : " + failed.getMessage();
        }
        audit.ended(id, outcome);
    }

    @Override
    public void close() {
        jobs.shutdownNow();
    }

    @FunctionalInterface
    private interface JobStart {
        Optional<JobExecution> run() throws Exception;
    }
}
