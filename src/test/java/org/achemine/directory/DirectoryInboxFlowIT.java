package org.achemine.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.achemine.testing.OwnDataFolder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {"achemine.intake.enabled=false", "achemine.directory.watch=true",
        "achemine.directory.poll-interval=200ms"})
class DirectoryInboxFlowIT extends OwnDataFolder {

    @Autowired
    PublicStructureDirectory directory;

    @Autowired
    DirectoryProperties properties;

    @Test
    void filesDroppedInTheDirectoryInboxAreImportedAndFiledWithTheirReport() throws Exception {
        // given a structures file and a services file dropped in the inbox, already settled
        Path inbox = Files.createDirectories(properties.inbox());
        Path structures = Files.copy(Path.of("samples/directory/structures.csv"), inbox.resolve("annuaire-structures.csv"));
        Path services = Files.copy(Path.of("samples/directory/services.csv"), inbox.resolve("annuaire-services.csv"));
        FileTime settled = FileTime.from(Instant.now().minusSeconds(10));
        Files.setLastModifiedTime(structures, settled);
        Files.setLastModifiedTime(services, settled);

        // when the engine polls its inbox, then the directory is loaded from a message-launched job
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.structureCount() == 32);

        // and the files leave the inbox for done/, with the import report beside them
        Path done = inbox.resolveSibling("done");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.isDirectory(done) && count(done) == 1);
        try (Stream<Path> batches = Files.list(done)) {
            Path batch = batches.findFirst().orElseThrow();
            assertThat(batch.resolve("annuaire-structures.csv")).exists();
            assertThat(batch.resolve("annuaire-services.csv")).exists();
            assertThat(batch.resolve("annuaire-structures.csv.import-report.csv")).exists();
        }
        assertThat(count(inbox)).isZero();
    }

    private static long count(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}
