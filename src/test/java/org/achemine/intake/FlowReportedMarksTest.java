package org.achemine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.achemine.qualification.Environment;
import org.achemine.testing.MigratedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An answer group's flows are marked REPORTED in the commit that marks their reports PUBLISHED, with one batched
 * statement for the group run as that commit is made ({@link FlowRegistry#markReportedAtCommit}, ADR 0001 « One
 * commit per answer group »): the same commit as one update per flow, the same all-or-nothing, each flow its own
 * time. On the engine's H2 file, statements counted by H2 itself ({@code QUERY_STATISTICS}).
 */
class FlowReportedMarksTest {

    private static final Instant RECEIVED_AT = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant ANSWERED_AT = Instant.parse("2026-12-07T10:00:01.250Z");

    @TempDir
    Path dataDir;

    JdbcTemplate jdbc;
    FlowRegistry registry;
    /** The journal's own commit: a transaction of its own, as {@code PublicationJournal} makes it. */
    TransactionTemplate ownCommit;

    /** Held open so the database, and the statistics it counts, stay open between the test's connections. */
    Connection keepOpen;

    @BeforeEach
    void registry() throws SQLException {
        DataSource dataSource = MigratedDatabase.in(dataDir);
        keepOpen = dataSource.getConnection();
        jdbc = new JdbcTemplate(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        registry = new FlowRegistry(jdbc, new TransactionTemplate(transactions));
        ownCommit = new TransactionTemplate(transactions);
        ownCommit.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @AfterEach
    void close() throws SQLException {
        keepOpen.close();
    }

    @Test
    void aGroupsFlowsAreMarkedWithOneStatementWhenItsCommitIsMade() {
        // given twelve flows received, and H2 counting the statements it runs from now on
        List<FlowId> group = IntStream.rangeClosed(1, 12).mapToObj(this::received).toList();
        jdbc.execute("SET QUERY_STATISTICS TRUE");

        // when one commit marks them all REPORTED, each by its own record (the journal runs one record per flow)
        List<String> seenBeforeCommit = ownCommit.execute(status -> {
            group.forEach(flow -> registry.markReportedAtCommit(flow, ANSWERED_AT));
            return jdbc.queryForList("SELECT DISTINCT stage FROM flow", String.class);
        });

        // then the marks were made as the commit was, one statement run once per flow, and every flow is REPORTED
        assertThat(seenBeforeCommit).containsExactly("RECEIVED");
        assertThat(stages()).containsExactly("REPORTED");
        assertThat(jdbc.queryForList("SELECT EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
                + " WHERE SQL_STATEMENT LIKE 'UPDATE flow SET stage%'", Long.class)).containsExactly(12L);
    }

    @Test
    void eachFlowOfAGroupKeepsItsOwnReportedTime() {
        // given two flows of one group, answered a few milliseconds apart
        FlowId first = received(1);
        FlowId second = received(2);
        Instant secondAnsweredAt = ANSWERED_AT.plusMillis(40);

        // when one commit marks both REPORTED, each with its own time
        ownCommit.executeWithoutResult(status -> {
            registry.markReportedAtCommit(first, ANSWERED_AT);
            registry.markReportedAtCommit(second, secondAnsweredAt);
        });

        // then each keeps its own, not the group's latest
        assertThat(reportedAt(first)).isEqualTo(ANSWERED_AT);
        assertThat(reportedAt(second)).isEqualTo(secondAnsweredAt);
    }

    @Test
    void aFlowNotRecordedFailsTheWholeCommitAsItsOwnUpdateDid() {
        // given two flows received, and a third never recorded
        FlowId first = received(1);
        FlowId second = received(2);
        FlowId unknown = FlowId.of("ACH001", "1100", 3);

        // when one commit marks the three, with other work of that commit (a source marked removed)
        assertThatThrownBy(() -> ownCommit.executeWithoutResult(status -> {
            registry.markSourceRemoved(first);
            List.of(first, second, unknown).forEach(flow -> registry.markReportedAtCommit(flow, ANSWERED_AT));
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("not all recorded");

        // then nothing of that commit was made: no flow REPORTED, the other work rolled back too
        assertThat(stages()).containsExactly("RECEIVED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flow WHERE source_removed", Integer.class)).isZero();

        // and the next commit marking them is a fresh one: the failed one's marks are not carried over
        ownCommit.executeWithoutResult(status -> List.of(first, second)
                .forEach(flow -> registry.markReportedAtCommit(flow, ANSWERED_AT)));
        assertThat(stages()).containsExactly("REPORTED");
    }

    @Test
    void aCommitRolledBackMarksNothingAndOutsideATransactionTheMarkIsMadeAtOnce() {
        FlowId rolledBack = received(1);
        FlowId alone = received(2);

        ownCommit.executeWithoutResult(status -> {
            registry.markReportedAtCommit(rolledBack, ANSWERED_AT);
            status.setRollbackOnly();
        });
        registry.markReportedAtCommit(alone, ANSWERED_AT);

        assertThat(registry.stage(rolledBack)).isEqualTo(FlowStage.RECEIVED);
        assertThat(registry.stage(alone)).isEqualTo(FlowStage.REPORTED);
    }

    private Instant reportedAt(FlowId flowId) {
        return jdbc.queryForObject("SELECT reported_at FROM flow WHERE flow_id = ?", OffsetDateTime.class,
                flowId.value()).toInstant();
    }

    private List<String> stages() {
        return jdbc.queryForList("SELECT DISTINCT stage FROM flow", String.class);
    }

    private FlowId received(int sequence) {
        FlowId flowId = FlowId.of("ACH001", "1100", sequence);
        registry.insertReceived(new ReceivedFlow(flowId, "FOU001", flowId.value() + ".xml",
                Path.of("/in", flowId.value() + ".xml"), 10, "a".repeat(64), RECEIVED_AT,
                Path.of("/archive", flowId.value()), Environment.PRODUCTION));
        return flowId;
    }
}
