package org.achemine.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.achemine.testing.EngineTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The reproduction of issue 10: with the 11-01 and 11-02 exports in the inbox, 11-02 is imported, never 11-01. */
@SpringBootTest(properties = {"achemine.intake.enabled=false", "achemine.directory.watch=true",
        "achemine.directory.poll-interval=200ms"})
class DirectoryInboxSupersededIT extends EngineTest {

    @Autowired
    PublicStructureDirectory directory;

    @Autowired
    DirectoryProperties properties;

    @Test
    void theNewestExportIsImportedAndTheOlderOneNeverAfterwards() throws Exception {
        // given the 11-02 export (32 structures) and the 11-01 export (its first 5 structures), all settled,
        // the 11-01 files written last
        Path inbox = Files.createDirectories(properties.inbox());
        List<String> structures = Files.readAllLines(Path.of("samples/directory/structures.csv"), StandardCharsets.UTF_8);
        settled(Files.copy(Path.of("samples/directory/structures.csv"), inbox.resolve("annuaire-2026-11-02-structures.csv")), 20);
        settled(Files.copy(Path.of("samples/directory/services.csv"), inbox.resolve("annuaire-2026-11-02-services.csv")), 20);
        settled(Files.write(inbox.resolve("annuaire-2026-11-01-structures.csv"), structures.subList(0, 6), StandardCharsets.UTF_8), 10);
        settled(Files.copy(Path.of("samples/directory/services.csv"), inbox.resolve("annuaire-2026-11-01-services.csv")), 10);

        // when the engine polls its inbox, then the 11-02 export is in service
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.structureCount() == 32);
        Path done = inbox.resolveSibling("done");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.isDirectory(done) && files(done).size() == 1);

        // and, however many polls follow, the 11-01 export is never imported
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> directory.structureCount() == 32
                && jdbc.queryForObject("SELECT COUNT(*) FROM directory_generation", Integer.class) == 1);
        assertThat(jdbc.queryForObject("SELECT g.structures_file FROM directory_current c JOIN directory_generation g"
                + " ON g.generation_id = c.generation_id", String.class)).endsWith("annuaire-2026-11-02-structures.csv");
        // it waits in superseded/, and the import report of 11-02 says so after the import's own lines
        Path superseded = files(inbox.resolveSibling("superseded")).get(0);
        assertThat(files(superseded)).extracting(f -> f.getFileName().toString())
                .containsExactly("annuaire-2026-11-01-services.csv", "annuaire-2026-11-01-structures.csv");
        List<String> report = Files.readAllLines(files(done).get(0)
                .resolve("annuaire-2026-11-02-structures.csv.import-report.csv"), StandardCharsets.UTF_8);
        assertThat(report.get(1)).startsWith("RESUME;0;INFO;import ");
        assertThat(report.subList(report.size() - 2, report.size())).extracting(line -> line.split(";")[0] + " " + line.split(";")[2])
                .containsExactly("annuaire-2026-11-01-structures.csv REMPLACE", "annuaire-2026-11-01-services.csv REMPLACE");
        assertThat(report.get(report.size() - 1)).contains("ANN_DEPOT_REMPLACE", "« annuaire-2026-11-01-.csv »",
                "« annuaire-2026-11-02-.csv »");
        assertThat(files(inbox)).isEmpty();
    }

    private static void settled(Path file, long secondsAgo) throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(secondsAgo)));
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
