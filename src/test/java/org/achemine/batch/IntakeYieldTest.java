package org.achemine.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.achemine.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.StaticApplicationContext;

/** The decision to yield to the intake, on a clock the test moves: backlog, bound, off switch, the engine's stop. */
class IntakeYieldTest {

    private static final String ROUTING = "routing";
    private static final Duration MAX = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final AtomicInteger backlog = new AtomicInteger();
    private final StaticApplicationContext context = new StaticApplicationContext();
    private final CleanStop stop = new CleanStop(context, new JobRecoveryProperties(true, Duration.ofSeconds(1)));

    private IntakeYield yieldOver(int threshold, boolean enabled) {
        return new IntakeYield(new IntakeYieldProperties(enabled, MAX, threshold), backlog::get, stop, clock);
    }

    @Test
    void aJobRunsWhileTheBacklogIsAtOrUnderTheThreshold() {
        IntakeYield yield = yieldOver(8, true);
        backlog.set(8);

        assertThat(yield.yields(ROUTING)).isFalse();
        assertThat(yield.pausedSince()).isEmpty();
    }

    @Test
    void aJobYieldsWhileTheBacklogIsOverTheThresholdAndResumesOnceItDrains() {
        // given a burst at the intake
        IntakeYield yield = yieldOver(8, true);
        backlog.set(9);

        // then the job yields from the first look, and still does just short of the bound
        assertThat(yield.yields(ROUTING)).isTrue();
        assertThat(yield.pausedSince()).containsEntry(ROUTING, Instant.parse("2026-12-07T10:00:00Z"));
        clock.advance(MAX.minusMillis(1));
        assertThat(yield.yields(ROUTING)).isTrue();
        assertThat(yield.pausedSince()).containsEntry(ROUTING, Instant.parse("2026-12-07T10:00:00Z"));

        // when the backlog drains, its turn comes and the pause is over
        backlog.set(3);
        assertThat(yield.yields(ROUTING)).isFalse();
        assertThat(yield.pausedSince()).isEmpty();
    }

    @Test
    void pastTheBoundTheRunGoesOnToItsEndThoughTheBacklogStaysHigh() {
        // given a backlog that never drains
        IntakeYield yield = yieldOver(0, true);
        backlog.set(500);
        assertThat(yield.yields(ROUTING)).isTrue();

        // when the job has waited yield-max in a row
        clock.advance(MAX);

        // then it runs, and its run is not paused again (a steady flood never starves delivery)
        assertThat(yield.yields(ROUTING)).isFalse();
        clock.advance(Duration.ofMinutes(5));
        assertThat(yield.yields(ROUTING)).isFalse();
        assertThat(yield.pausedSince()).isEmpty();

        // and once that run ends, the next one yields again
        yield.afterJob(jobExecution(ROUTING));
        assertThat(yield.yields(ROUTING)).isTrue();
    }

    @Test
    void theBoundIsPerJob() {
        IntakeYield yield = yieldOver(0, true);
        backlog.set(50);
        assertThat(yield.yields(ROUTING)).isTrue();
        clock.advance(MAX);
        assertThat(yield.yields("lifecycle-report")).isTrue(); // its own pause begins now

        assertThat(yield.yields(ROUTING)).isFalse();
        assertThat(yield.yields("lifecycle-report")).isTrue();
        assertThat(yield.pausedSince()).containsOnlyKeys("lifecycle-report");
    }

    @Test
    void theOffSwitchLetsEveryJobRun() {
        IntakeYield yield = yieldOver(0, false);
        backlog.set(10_000);

        assertThat(yield.yields(ROUTING)).isFalse();
        assertThat(yield.pausedSince()).isEmpty();
    }

    @Test
    void theEngineStopEndsAPauseAtOnceAndTheStepEndsStopped() {
        // given a routing step waiting between two chunks for a burst that does not drain (bound far off)
        IntakeYield yield = new IntakeYield(new IntakeYieldProperties(true, Duration.ofDays(1), 0), backlog::get,
                stop, clock);
        backlog.set(100);
        StepExecution step = MetaDataInstanceFactory.createStepExecution(jobExecution(ROUTING), "route-invoices", 7L);
        CompletableFuture<Throwable> betweenChunks = CompletableFuture.supplyAsync(() -> {
            try {
                yield.checkInterrupted(step);
                return null;
            } catch (JobInterruptedException e) {
                return e;
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> yield.pausedSince().containsKey(ROUTING));
        assertThat(betweenChunks).isNotDone();

        // when the engine is told to stop
        stop.onApplicationEvent(new ContextClosedEvent(context));

        // then the wait ends without the backlog draining, and the step ends STOPPED (between chunks)
        Throwable ended = betweenChunks.orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(ended).isInstanceOf(JobInterruptedException.class);
        assertThat(step.isTerminateOnly()).isTrue();
        assertThat(yield.pausedSince()).isEmpty();
        assertThat(backlog.get()).isEqualTo(100);
    }

    @Test
    void aStepWaitsForItsTurnBeforeItBeginsAndRunsOnceTheBacklogDrains() {
        IntakeYield yield = yieldOver(0, true);
        backlog.set(4);
        StepExecution step = MetaDataInstanceFactory.createStepExecution(jobExecution(ROUTING),
                "write-integration-reports", 8L);
        CompletableFuture<Void> begun = CompletableFuture.runAsync(() -> yield.beforeStep(step));
        await().atMost(Duration.ofSeconds(30)).until(() -> yield.pausedSince().containsKey(ROUTING));
        assertThat(begun).isNotDone();

        backlog.set(0);

        begun.orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(yield.pausedSince()).isEmpty();
        assertThat(step.isTerminateOnly()).isFalse();
    }

    @Test
    void negativeSettingsAreRefused() {
        assertThatThrownBy(() -> new IntakeYieldProperties(true, Duration.ofSeconds(-1), 8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IntakeYieldProperties(true, MAX, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static JobExecution jobExecution(String job) {
        return MetaDataInstanceFactory.createJobExecution(job, 1L, 1L);
    }
}
