package org.achemine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.achemine.directory.DirectoryImporter;
import org.springframework.jdbc.core.JdbcTemplate;

/** The project's sample directory of public structures (samples/directory), put in service for a test. */
public final class SampleDirectory {

    private SampleDirectory() {
    }

    /**
     * The sample directory in service in the engine's database: imported by the first test that asks, unless a
     * directory is in service there already (a test class's engine, and its database, serve all its tests).
     */
    public static void inService(DirectoryImporter importer, JdbcTemplate jdbc, Path dataDir) throws Exception {
        if (jdbc.queryForList("SELECT generation_id FROM directory_current", Long.class).isEmpty()) {
            importInto(importer, dataDir);
        }
    }

    /** Imports copies of the sample CSV files (the importer files what it read) and checks they are in service. */
    public static void importInto(DirectoryImporter importer, Path dataDir) throws Exception {
        Path copies = Files.createDirectories(dataDir.resolve("directory-samples"));
        assertThat(importer.importFiles(
                Files.copy(Path.of("samples/directory/structures.csv"), copies.resolve("structures.csv")),
                Files.copy(Path.of("samples/directory/services.csv"), copies.resolve("services.csv"))).activated())
                .as("the sample directory in service").isTrue();
    }
}
