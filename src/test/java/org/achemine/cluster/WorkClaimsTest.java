package org.achemine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.achemine.testing.MigratedDatabase;
import org.achemine.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Claims between two engines on one database (ADR 0019), on the data folder's H2 file migrated by the engine's
 * migrations: a claim is held by one engine at a time, given up on release or a clean leave, and taken over
 * only once its engine stopped beating for a lease, by the platform clock.
 */
class WorkClaimsTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private JdbcTemplate jdbc;
    private EngineNode nodeA;
    private EngineNode nodeB;
    private WorkClaims engineA;
    private WorkClaims engineB;

    /** The database both engines run on, migrated. */
    protected DataSource database(Path dataDir) {
        return MigratedDatabase.in(dataDir);
    }

    @BeforeEach
    void twoEngines() {
        jdbc = new JdbcTemplate(database(dataDir));
        nodeA = node("a");
        nodeB = node("b");
        engineA = new WorkClaims(jdbc, nodeA, clock);
        engineB = new WorkClaims(jdbc, nodeB, clock);
    }

    private EngineNode node(String name) {
        EngineNode node = new EngineNode(jdbc, clock, new ClusterProperties(true, name, LEASE, Duration.ofSeconds(5)),
                true);
        node.beat();
        return node;
    }

    @Test
    void aClaimIsHeldByOneEngineUntilReleased() {
        assertThat(engineA.claim("take:FOU001/a.xml")).isTrue();
        assertThat(engineB.claim("take:FOU001/a.xml")).as("held by a live engine").isFalse();
        assertThat(engineA.claim("take:FOU001/a.xml")).as("already ours").isTrue();
        assertThat(engineB.claim("take:FOU001/b.xml")).as("another subject").isTrue();

        engineB.release("take:FOU001/a.xml"); // not B's: nothing given up
        assertThat(engineB.claim("take:FOU001/a.xml")).isFalse();
        engineA.release("take:FOU001/a.xml");
        assertThat(engineB.claim("take:FOU001/a.xml")).isTrue();
        assertThat(engineA.claim("take:FOU001/a.xml")).isFalse();
    }

    @Test
    void aDeadEnginesClaimIsTakenOverAfterTheLeaseOnly() {
        assertThat(engineA.claim(WorkClaims.flow("F1"))).isTrue();

        clock.advance(LEASE.minusSeconds(1));
        nodeB.beat();
        assertThat(engineB.claim(WorkClaims.flow("F1"))).as("A beat within the lease").isFalse();
        assertThat(nodeB.othersAlive()).isTrue();

        clock.advance(Duration.ofSeconds(2)); // A stopped beating more than a lease ago; B beats on
        nodeB.beat();
        assertThat(nodeB.othersAlive()).isFalse();
        assertThat(engineB.claim(WorkClaims.flow("F1"))).as("A is dead: B takes it over").isTrue();
        assertThat(engineA.claim(WorkClaims.flow("F1"))).as("back, A finds it B's").isFalse();
    }

    @Test
    void onlyLiveEnginesClaimsCount() {
        engineA.claim(WorkClaims.flow("F1"));
        engineB.claim(WorkClaims.flow("F2"));
        engineB.claim(WorkClaims.take("FOU001", "x.xml"));
        assertThat(engineA.heldByLiveEngines(WorkClaims.FLOW)).containsExactlyInAnyOrder("flow:F1", "flow:F2");

        clock.advance(LEASE.plusSeconds(1));
        nodeA.beat();
        assertThat(engineA.heldByLiveEngines(WorkClaims.FLOW)).containsExactly("flow:F1");
    }

    @Test
    void anEngineLeavingCleanlyFreesItsClaimsAtOnce() {
        engineA.claim(WorkClaims.flow("F1"));
        nodeA.leave();

        assertThat(nodeB.othersAlive()).isFalse();
        assertThat(engineB.claim(WorkClaims.flow("F1"))).isTrue();
    }

    @Test
    void aSingleEngineIsGrantedEveryClaimWithoutTheDatabase() {
        WorkClaims single = new WorkClaims(jdbc, new EngineNode(jdbc, clock, ClusterProperties.single(), false), clock);
        engineA.claim(WorkClaims.flow("F1"));

        assertThat(single.claim(WorkClaims.flow("F1"))).isTrue();
        assertThat(WorkClaims.single().claim(WorkClaims.flow("F1"))).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM work_claim", Integer.class)).isEqualTo(1);
    }
}
