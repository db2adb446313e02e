package org.achemine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.achemine.qualification.Environment;
import org.achemine.testing.MigratedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "The first earlier flow of this partner with the same content" ({@code ADM_CONTENU_DEJA_RECU}) is found by
 * its sequence, from the index of migration V150, on the engine's H2 file ({@link FlowContentLookupPostgresTest}
 * runs it on PostgreSQL).
 */
class FlowContentLookupTest {

    private static final String SAME = "a".repeat(64);
    private static final String OTHER = "b".repeat(64);

    @TempDir
    Path dataDir;

    FlowRegistry registry;
    JdbcTemplate jdbc;

    DataSource migratedDatabase() {
        return MigratedDatabase.in(dataDir);
    }

    @BeforeEach
    void registry() {
        DataSource dataSource = migratedDatabase();
        jdbc = new JdbcTemplate(dataSource);
        registry = new FlowRegistry(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    @Test
    void theFirstEarlierCopyIsFoundAmongManyWhateverTheInterfaceAndNeverALaterOne() {
        // given the same content sent by FOU001 as flows 12, 40 (another interface) and 95, and the same content
        // sent earlier by another partner and in qualification
        record(flow(12, "1100"), "FOU001", SAME, Environment.PRODUCTION);
        record(flow(40, "1190"), "FOU001", SAME, Environment.PRODUCTION);
        record(flow(95, "1100"), "FOU001", SAME, Environment.PRODUCTION);
        record(flow(3, "1100"), "OPE001", SAME, Environment.PRODUCTION);
        record(flow(5, "1100"), "FOU001", SAME, Environment.QUALIFICATION);
        record(flow(7, "1100"), "FOU001", OTHER, Environment.PRODUCTION);

        // then each later copy names the first one; the first has none before it
        assertThat(earlier(flow(95, "1100"))).contains(flow(12, "1100"));
        assertThat(earlier(flow(40, "1190"))).contains(flow(12, "1100"));
        assertThat(earlier(flow(12, "1100"))).isEmpty();
        // each environment and each partner its own history
        assertThat(registry.earlierFlowWithSameContent(flow(9, "1100"), "FOU001", Environment.QUALIFICATION, SAME)
                .map(ReceivedFlow::flowId)).contains(flow(5, "1100"));
        assertThat(registry.earlierFlowWithSameContent(flow(9, "1100"), "OPE001", Environment.PRODUCTION, OTHER))
                .isEmpty();
        // the sequence is stored with the flow, as its id says
        assertThat(jdbc.queryForObject("SELECT flow_sequence FROM flow WHERE flow_id = ?", Long.class,
                flow(40, "1190").value())).isEqualTo(40L);
    }

    @Test
    void oneReadGivesTheStageAndTheSameFirstEarlierCopy() {
        // given the same content as flows 12 and 95, an empty file sent twice (18, 60), another content (7)
        record(flow(12, "1100"), "FOU001", SAME, Environment.PRODUCTION);
        record(flow(95, "1100"), "FOU001", SAME, Environment.PRODUCTION);
        record(flow(7, "1100"), "FOU001", OTHER, Environment.PRODUCTION);
        recordEmpty(flow(18, "1199"));
        recordEmpty(flow(60, "1199"));
        jdbc.update("UPDATE flow SET stage = 'REPORTED' WHERE flow_id = ?", flow(12, "1100").value());

        // when each flow's progress is read, then its stage and the copy the look-up by content names
        FlowRegistry.Progress later = registry.progress(flow(95, "1100"));
        assertThat(later.stage()).isEqualTo(FlowStage.RECEIVED);
        assertThat(later.earlierCopy()).contains(new FlowRegistry.EarlierCopy(flow(12, "1100"),
                flow(12, "1100").value() + ".xml"));
        assertThat(registry.progress(flow(12, "1100")))
                .isEqualTo(new FlowRegistry.Progress(FlowStage.REPORTED, Optional.empty()));
        assertThat(registry.progress(flow(7, "1100")).earlierCopy()).isEmpty();
        // an empty file is never called a copy (as the look-up by content, asked only for a flow with content)
        assertThat(registry.progress(flow(60, "1199")).earlierCopy()).isEmpty();
    }

    @Test
    void aGroupDrawsItsSequenceValuesInOneStatementEachOnce() {
        // when a single value, then a group of five, then another single value are drawn
        long first = registry.nextSequence();
        long[] group = registry.nextSequences(5);
        long last = registry.nextSequence();

        // then the group's values are five distinct, increasing values between the two others
        assertThat(group).hasSize(5).isSorted().doesNotHaveDuplicates();
        assertThat(group[0]).isGreaterThan(first);
        assertThat(last).isGreaterThan(group[4]);
        assertThat(registry.nextSequences(1)).hasSize(1);
        assertThat(registry.nextSequences(0)).isEmpty();
    }

    private void recordEmpty(FlowId flowId) {
        registry.insertReceived(new ReceivedFlow(flowId, "FOU001", flowId.value() + ".xml",
                Path.of("/in", flowId.value() + ".xml"), 0, "e".repeat(64), Instant.parse("2026-12-06T10:00:00Z"),
                Path.of("/archive", flowId.value()), Environment.PRODUCTION));
    }

    private Optional<FlowId> earlier(FlowId flowId) {
        return registry.earlierFlowWithSameContent(flowId, "FOU001", Environment.PRODUCTION, SAME)
                .map(ReceivedFlow::flowId);
    }

    private void record(FlowId flowId, String partner, String sha256, Environment environment) {
        registry.insertReceived(new ReceivedFlow(flowId, partner, flowId.value() + ".xml",
                Path.of("/in", flowId.value() + ".xml"), 10, sha256, Instant.parse("2026-12-06T10:00:00Z"),
                Path.of("/archive", flowId.value()), environment));
    }

    private static FlowId flow(long sequence, String interfaceNumber) {
        return FlowId.of("ACH001", interfaceNumber, sequence);
    }
}
