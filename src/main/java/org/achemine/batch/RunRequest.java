package org.achemine.batch;

import java.time.Clock;
import java.util.UUID;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The parameters that make a requested job run a new job instance. The request time comes from the platform
 * clock and is information only; a random request id is what tells two requests apart, so that two runs asked
 * for in the same instant (a fixed test clock, a clock set back) are still two runs.
 */
public final class RunRequest {

    private RunRequest() {
    }

    public static JobParametersBuilder parameters(Clock clock) {
        return new JobParametersBuilder()
                .addString("requestedAt", clock.instant().toString(), false)
                .addString("requestId", UUID.randomUUID().toString());
    }
}
