package org.achemine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
        assertThat(imported.exitCode).isZero();
        assertThat(imported.out).contains("ACTIVE").contains("32 structures").contains("21 services")
                .contains(structures + ".import-report.csv");

        // and job list shows the execution with its counts
        Run listed = run("job", "list", data);
        assertThat(listed.exitCode).isZero();
        assertThat(listed.out).contains("directory-import").contains("COMPLETED");
    }

    @Test
    void directoryImportOfAMissingFileIsAUsageError() {
        Run run = run("directory", "import", dataDir.resolve("none.csv").toString(), dataDir.resolve("none2.csv").toString(),
                "--achemine.data-dir=" + dataDir);

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("Fichier illisible").contains("none.csv");
    }

    @Test
    void jobRunOfAnUnknownJobListsTheKnownOnes() {
        Run run = run("job", "run", "nope", "--achemine.data-dir=" + dataDir);

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("Job inconnu : nope").contains("directory-import").contains("routing");
    }

    private static Run run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new AchemineCommand()).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    private record Run(int exitCode, String out, String err) {
    }
}
