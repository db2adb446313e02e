package org.achemine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.achemine.testing.MigratedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The flow table keeps the indexes its queries use, and only those (migration V190: every index is rewritten by
 * the commits that write a flow): H2's plans, on the engine's migrated H2 file.
 */
class FlowIndexesTest {

    @TempDir
    Path dataDir;

    JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        jdbc = new JdbcTemplate(MigratedDatabase.in(dataDir));
    }

    @Test
    void theFlowTableKeepsOnlyTheIndexesItsQueriesRead() {
        assertThat(jdbc.queryForList("SELECT LOWER(INDEX_NAME) FROM INFORMATION_SCHEMA.INDEXES"
                + " WHERE TABLE_NAME = 'FLOW' AND INDEX_TYPE_NAME <> 'PRIMARY KEY'", String.class))
                .containsExactlyInAnyOrder("flow_by_source", "flow_awaiting_registration", "flow_by_content_sequence");
    }

    @Test
    void eachLookUpOfAFlowReadsAnIndex() {
        // a worker's one read per flow: the flow by its key, its earlier copy by content and sequence
        assertThat(plan("SELECT f.stage, e.flow_id, e.original_name FROM flow f LEFT JOIN flow e"
                + " ON f.size_bytes > 0 AND e.flow_id = (SELECT c.flow_id FROM flow c WHERE c.partner = f.partner"
                + " AND c.qualification = f.qualification AND c.sha256 = f.sha256 AND c.flow_sequence < 5"
                + " ORDER BY c.flow_sequence FETCH FIRST 1 ROWS ONLY) WHERE f.flow_id = 'X'"))
                .contains("FLOW_BY_CONTENT_SEQUENCE").contains("PRIMARY_KEY");
        // parked flows (console, `flow retry`) and routing's trigger, by stage
        assertThat(plan("SELECT flow_id FROM flow WHERE stage = 'PARKED' ORDER BY flow_id"))
                .contains("FLOW_AWAITING_REGISTRATION");
        assertThat(plan("SELECT EXISTS (SELECT 1 FROM flow WHERE stage = 'REPORTED' AND invoices_registered = FALSE)"))
                .contains("FLOW_AWAITING_REGISTRATION");
        // a group take's interrupted takes, and verify's AS2 messages, by source
        assertThat(plan("SELECT flow_id FROM flow WHERE partner = 'FOU001' AND qualification = FALSE"
                + " AND original_name IN ('a.xml', 'b.xml') AND source_removed = FALSE ORDER BY flow_id"))
                .contains("FLOW_BY_SOURCE");
    }

    private String plan(String query) {
        return jdbc.queryForObject("EXPLAIN " + query, String.class).toUpperCase(java.util.Locale.ROOT);
    }
}
