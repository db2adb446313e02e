package org.achemine.batch;

import java.util.Set;
import org.achemine.cluster.ClusterProperties;
import org.achemine.cluster.LeaderDuty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.annotation.Order;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * At start-up, marks as failed the job executions a killed JVM left "running": the embedded H2 database is
 * opened by one JVM at a time, so none of them can really be running. Without this, the trigger would see
 * a run in progress forever; with it, the next run picks up the work (every job is restartable). It runs once
 * every bean exists and before any poller or route starts (a poller may launch a job as soon as it starts:
 * on a loaded machine, long before an {@code ApplicationRunner} would run, which then took that live run for
 * an interrupted one and failed the start-up; the soak found it). With several engines
 * ({@code achemine.cluster.enabled}) only the leader runs jobs: a new leader recovers them when it is granted
 * the role, before its schedules start, never at start-up (the leader may be running one now). A one-shot
 * command beside a running engine (PostgreSQL lets it open the database) recovers nothing either
 * ({@link JobRecoveryProperties}): that engine's running jobs are alive.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class InterruptedJobRecovery implements SmartInitializingSingleton, LeaderDuty {

    private static final Logger LOG = LoggerFactory.getLogger(InterruptedJobRecovery.class);

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final ClusterProperties cluster;
    private final JobRecoveryProperties recovery;

    public InterruptedJobRecovery(JobRepository jobRepository, JobOperator jobOperator, ClusterProperties cluster,
            JobRecoveryProperties recovery) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.cluster = cluster;
        this.recovery = recovery;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!cluster.enabled() && recovery.recoversAtStart()) {
            recover();
        }
    }

    /** A new leader's first duty: no other engine runs jobs now, so a running execution is a dead one's. */
    @Override
    public void takeOver() {
        recover();
    }

    /** Marks failed every execution left running (none can be: see the class comment). */
    public void recover() {
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
