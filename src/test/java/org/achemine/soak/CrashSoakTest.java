package org.achemine.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The short crash-restart soak of the suite (scripts/soak.sh runs the long one): the engine in its own JVM,
 * 150 flows dropped over three rounds, killed with SIGKILL three times, restarted, drained, stopped with
 * SIGTERM; then nothing lost, nothing twice, nothing orphaned, every invariant kept. A second soak adds a
 * greedy partner that takes every published file at once: then too, each is published once.
 */
class CrashSoakTest {

    @Test
    void threeKillsLoseNothingAndDoNothingTwice() throws Exception {
        CrashSoak.Outcome outcome = soak("crash-soak-test", 3, 50, 20261123L, false);

        assertThat(outcome.dropped()).isEqualTo(150);
        assertThat(outcome.reported()).isEqualTo(150);
        assertThat(outcome.archived()).isEqualTo(150);
        assertThat(outcome.lost()).isZero();
        assertThat(outcome.duplicated()).isZero();
        assertThat(outcome.orphaned()).isZero();
        assertThat(outcome.stoppedOnSigterm()).isTrue();
        assertThat(outcome.verification().violations()).isEmpty();
        assertThat(outcome.verification().clean()).isTrue();
        assertThat(outcome.verification().count("factures livrées (03 et suivants)")).isPositive();
        assertThat(outcome.passed()).isTrue();
    }

    @Test
    void partnersTakingEveryFileAtOnceGetEachFileOnceAcrossKills() throws Exception {
        // a greedy partner downloads and deletes every file of every out/ the moment it appears
        CrashSoak.Outcome outcome = soak("crash-soak-consume-test", 2, 40, 20261206L, true);

        assertThat(outcome.dropped()).isEqualTo(80);
        assertThat(outcome.reported()).isEqualTo(80);
        assertThat(outcome.lost()).isZero();
        assertThat(outcome.duplicated()).as("a file published twice is taken twice").isZero();
        assertThat(outcome.orphaned()).isZero();
        assertThat(outcome.takenByPartners()).as("deposit reports, deliveries, integration and lifecycle reports")
                .isGreaterThan(80);
        assertThat(outcome.verification().violations()).isEmpty();
        assertThat(outcome.verification().count("publications prises par le partenaire"))
                .isEqualTo(outcome.takenByPartners());
        assertThat(outcome.verification().count("factures livrées (03 et suivants)")).isPositive();
        assertThat(outcome.passed()).isTrue();
    }

    private static CrashSoak.Outcome soak(String folder, int kills, int flowsPerRound, long seed, boolean consume)
            throws Exception {
        // kept under target/ (not a temporary folder) so the engines' logs and the data folder explain a failure
        Path work = Path.of("target", folder).toAbsolutePath();
        FileSystemUtils.deleteRecursively(work);
        // engine starts dominate the time: the quick JIT tier starts a JVM sooner (crash safety is not the JIT's)
        CrashSoak.Outcome outcome = CrashSoak.run(new CrashSoak.Settings(work,
                CrashSoak.engineFromClasspath("-XX:TieredStopAtLevel=1"), kills, flowsPerRound, Duration.ofMillis(1500),
                seed, consume));
        System.out.print(outcome.describe());
        return outcome;
    }
}
