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
