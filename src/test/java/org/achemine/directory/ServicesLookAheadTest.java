package org.achemine.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.achemine.database.KeyLists;
import org.achemine.testing.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A chunk's recipients' services read in one query of the generation in service, looked up in the index of
 * migration V170 on the engine's H2 file, not by reading the whole generation (issue 16: a third of routing's time).
 */
class ServicesLookAheadTest {

    @TempDir
    Path dataDir;

    @Test
    void aChunksServicesAreReadFromTheGenerationInServiceThroughTheIndex() {
        // given two generations of 300 structures with a service each, the second in service
        JdbcTemplate jdbc = new JdbcTemplate(MigratedDatabase.in(dataDir));
        for (long generation = 1; generation <= 2; generation++) {
            jdbc.update("INSERT INTO directory_generation (generation_id, started_at, structures_file, services_file, state)"
                    + " VALUES (?, ?, 's.csv', 'v.csv', 'ACTIVE')", generation, Timestamp.from(Instant.EPOCH));
            List<Object[]> services = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                services.add(new Object[] {generation, "S" + i, "SVC-" + generation + "-" + i});
            }
            jdbc.batchUpdate("INSERT INTO directory_service (generation_id, structure_identifier, code, active,"
                    + " engagement_required) VALUES (?, ?, ?, TRUE, FALSE)", services);
        }
        jdbc.update("INSERT INTO directory_current (singleton, generation_id) VALUES (1, 2)");

        // when three structures' services are read together (one of them has none)
        Map<String, List<PublicService>> found = new PublicStructureDirectory(jdbc).services(List.of("S7", "S299", "X"));

        // then each has those of the generation in service, and the query is an index look-up of those keys
        assertThat(found.get("S7")).extracting(PublicService::code).containsExactly("SVC-2-7");
        assertThat(found.get("S299")).extracting(PublicService::code).containsExactly("SVC-2-299");
        assertThat(found.get("X")).isEmpty();
        // (the directory's own statement: KeyLists' placeholders, parameters bound as the engine binds them)
        String plan = jdbc.queryForObject("EXPLAIN SELECT * FROM directory_service WHERE (generation_id,"
                + " structure_identifier) IN (" + KeyLists.placeholders(2, 2) + ")", String.class, 2L, "S7", 2L, "S299");
        assertThat(plan).containsPattern("DIRECTORY_SERVICE_BY_STRUCTURE: +IN\\(ROW");
    }
}
