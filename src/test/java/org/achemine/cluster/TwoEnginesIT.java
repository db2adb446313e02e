package org.achemine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.achemine.soak.CrashSoak;
import org.achemine.testing.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Two engines (separate JVMs, {@code run} with {@code achemine.cluster.enabled}) on one embedded PostgreSQL and
 * one data folder (ADR 0019): 500 flows of the soak's mix dropped, the leader killed with SIGKILL once a third
 * are answered, the other carrying on alone. Every flow taken once and answered once, every accepted invoice
 * delivered once, nothing published twice, every invariant of {@code verify --drained} kept; the follower ran
 * no job while it followed, and took the lead when the leader died.
 */
class TwoEnginesIT {

    @Test
    void theSurvivorCarriesOnAndNothingIsDoneTwice() throws Exception {
        // under target/ so the engines' logs and the data folder explain a failure
        Path work = Path.of("target", "two-engines-it").toAbsolutePath();
        FileSystemUtils.deleteRecursively(work);
        CrashSoak.TwoEngines run = CrashSoak.runTwoEngines(new CrashSoak.Settings(work,
                CrashSoak.engineFromClasspath("-XX:TieredStopAtLevel=1"), 1, 500, Duration.ZERO, 20261206L, 0,
                false, EmbeddedPostgresServer.freshDatabase()));
        CrashSoak.Outcome outcome = run.outcome();
        System.out.print(outcome.describe());

        assertThat(run.answeredAtKill()).as("killed midway").isBetween(1, 499);
        assertThat(run.leaderRanJobs()).as("the leader imported the directory and reported lifecycles").isTrue();
        assertThat(run.followerRanJobs()).as("the follower ran no scheduled work while it followed").isFalse();
        assertThat(run.leadershipMoved()).as("the survivor became the leader").isTrue();
        assertThat(run.survivorRanJobsAsLeader()).as("then ran the scheduled work").isTrue();
        assertThat(outcome.dropped()).isEqualTo(500);
        assertThat(outcome.reported()).as("every flow answered").isEqualTo(500);
        assertThat(outcome.archived()).as("every flow archived").isEqualTo(500);
        assertThat(outcome.lost()).isZero();
        assertThat(outcome.duplicated()).as("one flow row per file, one delivery per invoice").isZero();
        assertThat(outcome.orphaned()).isZero();
        assertThat(outcome.verification().violations()).isEmpty();
        assertThat(outcome.verification().count("factures livrées (03 et suivants)")).isPositive();
        assertThat(outcome.passed()).isTrue();
    }
}
