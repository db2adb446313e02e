package org.achemine.routing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepInterruptionPolicy;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The engine's stop (SIGTERM closes the context), told to the routing run in hand so that it ends between two
 * chunks or two groups of integration reports, never inside one: a publication cut short by the launcher's
 * interrupt leaves a hidden temporary file in a partner's {@code out/}. The run ends STOPPED; what it left is
 * routed by the next run (the reader's query is the process indicator), as after any stop. The context's closing
 * event comes before its lifecycle stops and before the launcher is shut down, so the run hears it first.
 */
public class CleanStop implements ApplicationListener<ContextClosedEvent>, StepInterruptionPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(CleanStop.class);

    private final ApplicationContext context;
    private volatile boolean requested;

    public CleanStop(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (event.getApplicationContext() == context) { // not a child context's closing
            // said only when a run is stopped by it (stopsStep): a one-shot command's context closes here too,
            // and its output must carry nothing but what it prints
            requested = true;
        }
    }

    public boolean requested() {
        return requested;
    }

    /** Between two chunks: the step ends STOPPED if the engine is stopping. */
    @Override
    public void checkInterrupted(StepExecution stepExecution) throws JobInterruptedException {
        if (stopsStep(stepExecution)) {
            throw new JobInterruptedException("Engine stopping: routing ends between chunks, the rest at the next run");
        }
    }

    /** Marks the step to end STOPPED (and the run with it) if the engine is stopping; true then. */
    public boolean stopsStep(StepExecution stepExecution) {
        if (requested && !stepExecution.isTerminateOnly()) {
            LOG.info("Engine stopping: routing step {} ends after its current chunk or group, the rest at the next run",
                    stepExecution.getStepName());
            stepExecution.setTerminateOnly();
        }
        return requested;
    }
}
