package org.achemine.cli;

import static org.achemine.testing.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.achemine.testing.Commands.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's commands, run as a user would (each starts and stops its own application context). */
class DirectoryAndJobCommandsIT {

    @TempDir
    Path dataDir;

    @Test
    void directoryImportLoadsTheSamplesAndJobListShowsTheExecution() throws Exception {
        // given the sample directory files
        Path structures = Files.copy(Path.of("samples/directory/structures.csv"), dataDir.resolve("structures.csv"));
        Path services = Files.copy(Path.of("samples/directory/services.csv"), dataDir.resolve("services.csv"));
        String data = "--achemine.data-dir=" + dataDir.resolve("data");

        // when the operator imports them
        Run imported = run("directory", "import", structures.toString(), services.toString(), data);

        // then the command says what was loaded and where the report is
        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out()).contains("ACTIVE").contains("32 structures").contains("21 services")
                .contains(structures + ".import-report.csv");

        // and job list shows the execution with its counts
        Run listed = run("job", "list", data);
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains("directory-import").contains("COMPLETED");
    }

    @Test
    void directoryImportOfAMissingFileIsAUsageError() {
        Run run = run("directory", "import", dataDir.resolve("none.csv").toString(), dataDir.resolve("none2.csv").toString(),
                "--achemine.data-dir=" + dataDir);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Fichier illisible").contains("none.csv");
    }

    @Test
    void jobRunOfAnUnknownJobListsTheKnownOnes() {
        Run run = run("job", "run", "nope", "--achemine.data-dir=" + dataDir);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Job inconnu : nope").contains("directory-import").contains("routing");
    }
}
