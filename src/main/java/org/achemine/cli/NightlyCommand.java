package org.achemine.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.achemine.batch.JobHistory;
import org.achemine.batch.JobHistory.JobRun;
import org.achemine.nightly.NightlyJobConfiguration;
import org.achemine.nightly.NightlyRun;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

/**
 * {@code nightly}: the nightly sequence now (directory import if new files, routing, lifecycle reports, daily
 * summaries), restarting where it stopped if today's nightly failed; prints what each step did.
 */
@Command(name = "nightly", description = "Run the nightly sequence now: directory import (if new files), routing,"
        + " lifecycle reports, daily summaries; a failed run of the same day is restarted where it stopped.")
public class NightlyCommand extends OneShotCommand {

    @Override
    protected int run(ConfigurableApplicationContext context) throws Exception {
        Optional<JobExecution> ran = context.getBean(NightlyRun.class).runNow();
        if (ran.isEmpty()) {
            System.err.println("Un passage de nuit est déjà en cours.");
            return 1;
        }
        JobExecution execution = ran.get();
        System.out.printf("%s #%d (%s) : %s%n", NightlyJobConfiguration.JOB_NAME, execution.getId(),
                execution.getJobParameters().getString("day"), execution.getStatus());
        for (StepExecution step : execution.getStepExecutions()) {
            System.out.printf("  %-22s %-10s %s%n", step.getStepName(), step.getStatus(),
                    step.getExitStatus().getExitDescription().lines().findFirst().orElse(""));
        }
        List<JobRun> children = context.getBean(JobHistory.class).recent(50).stream()
                .filter(run -> run.executionId() > execution.getId()
                        && !run.jobName().equals(NightlyJobConfiguration.JOB_NAME))
                .sorted(Comparator.comparingLong(JobRun::executionId)).toList();
        for (JobRun run : children) {
            System.out.printf("  -> %-19s %-10s écrits=%d %s%n", run.jobName(), run.status(), run.written(),
                    run.summary() == null ? "" : run.summary());
        }
        return execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
    }
}
