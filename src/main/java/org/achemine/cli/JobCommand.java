package org.achemine.cli;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.achemine.batch.RunRequest;
import org.achemine.batch.JobHistory.JobRun;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code job list} and {@code job run NAME}: achemine's Spring Batch jobs, for operators. */
@Command(name = "job", description = "Batch jobs: list recent executions, run one now.",
        subcommands = {JobCommand.ListJobs.class, JobCommand.RunJob.class})
public class JobCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Command(name = "list", description = "Recent job executions with their counts and status.")
    static class ListJobs extends QueryCommand {

        @Option(names = "--limit", defaultValue = "20", description = "How many executions (default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        protected int run(CommandQueries queries) {
            List<JobRun> runs = queries.jobs(limit);
            System.out.printf("%-6s %-20s %-19s %-19s %-10s %8s %8s %8s %8s  %s%n", "id", "job", "start", "end",
                    "status", "read", "written", "filtered", "skipped", "summary");
            for (JobRun run : runs) {
                System.out.printf("%-6d %-20s %-19s %-19s %-10s %8d %8d %8d %8d  %s%n", run.executionId(), run.jobName(),
                        run.start() == null ? "" : TIME.format(run.start()),
                        run.end() == null ? "" : TIME.format(run.end()), run.status(), run.read(), run.written(),
                        run.filtered(), run.skipped(), run.summary() == null ? "" : run.summary());
            }
            if (runs.isEmpty()) {
                System.out.println("(aucune exécution)");
            }
            return 0;
        }
    }

    @Command(name = "run", description = "Run a job now and wait for it to end.")
    static class RunJob extends OneShotCommand {

        @Parameters(index = "0", paramLabel = "NAME", description = "The job's name, e.g. routing.")
        String name;

        @Override
        protected int run(ConfigurableApplicationContext context) throws Exception {
            List<Job> jobs = context.getBeansOfType(Job.class).values().stream()
                    .filter(j -> j.getName().equals(name)).toList();
            if (jobs.isEmpty()) {
                System.err.println("Job inconnu : " + name + " ; jobs : "
                        + context.getBeansOfType(Job.class).values().stream().map(Job::getName).sorted().toList());
                return 2;
            }
            JobExecution execution = context.getBean(JobOperator.class).start(jobs.get(0),
                    RunRequest.parameters(context.getBean(Clock.class)).toJobParameters());
            System.out.printf("%s #%d : %s%n", name, execution.getId(), execution.getStatus());
            return execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
        }
    }
}
