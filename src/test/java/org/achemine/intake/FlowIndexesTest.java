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
                .containsExactlyInAnyOrder("flow_by_name", "flow_awaiting_registration", "flow_by_content_sequence");
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
        // one interrupted take, verify's AS2 messages and inboxes, by partner and name
        assertThat(plan("SELECT flow_id FROM flow WHERE partner = 'FOU001' AND original_name = 'a.xml'"))
                .contains("FLOW_BY_NAME: PARTNER = 'FOU001' AND ORIGINAL_NAME = 'A.XML' */");
    }

    @Test
    void aGroupTakeLooksEachNameUpOnTheNameIndexNotEveryFlowOfThePartner() {
        // given a partner with many flows taken (the plan H2 chooses may depend on the table's size)
        jdbc.update("INSERT INTO flow (flow_id, partner, original_name, source_path, size_bytes, sha256, received_at,"
                + " archive_path, qualification, interface_number, stage, flow_sequence, source_removed)"
                + " SELECT 'F' || X, 'FOU001', 'n' || X || '.xml', 's', 10, 'h' || X, TIMESTAMP '2026-01-01 00:00:00',"
                + " 'a', FALSE, 'I', 'REPORTED', X, TRUE FROM SYSTEM_RANGE(1, 5000)");
        jdbc.execute("ANALYZE");
        // when H2 plans the group's look-up as FlowRegistry sends it
        String plan = plan("SELECT flow_id FROM flow WHERE partner = ? AND qualification = ?"
                + " AND original_name IN (?, ?) AND source_removed = FALSE ORDER BY flow_id", "FOU001", false, "a.xml",
                "b.xml");
        // then the names are read on the index (one range each), never every flow of the partner
        assertThat(plan).contains("FLOW_BY_NAME: ORIGINAL_NAME IN(?3, ?4) AND PARTNER = ?1");
    }

    /** H2's plan, upper case, its white space folded to single spaces. */
    private String plan(String query, Object... arguments) {
        return jdbc.queryForObject("EXPLAIN " + query, String.class, arguments).toUpperCase(java.util.Locale.ROOT)
                .replaceAll("\\s+", " ");
    }
}
