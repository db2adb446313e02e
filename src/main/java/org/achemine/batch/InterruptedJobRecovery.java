package org.achemine.batch;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * At start-up, marks as failed the job executions a killed JVM left "running": the embedded H2 database is
 * opened by one JVM at a time, so none of them can really be running. Without this, the trigger would see
 * a run in progress forever; with it, the next run picks up the work (every job is restartable).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class InterruptedJobRecovery implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(InterruptedJobRecovery.class);

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;

    public InterruptedJobRecovery(JobRepository jobRepository, JobOperator jobOperator) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String job : jobRepository.getJobNames()) {
            Set<JobExecution> interrupted = jobRepository.findRunningJobExecutions(job);
            for (JobExecution execution : interrupted) {
                jobOperator.recover(execution);
                LOG.warn("Job {} execution {} was interrupted (the engine stopped during it); marked failed,"
                        + " the next run resumes its work", job, execution.getId());
            }
        }
    }
}
