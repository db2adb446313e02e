package org.achemine.cli;

import static org.achemine.testing.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.achemine.api.EngineAddress;
import org.achemine.testing.Commands.Run;
import org.achemine.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's commands, run as a user would (each that writes starts and stops its own application context). */
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

    @Test
    void aCommandBesideARunningEngineLeavesItsRunningJobsAlone() throws Exception {
        // given a data folder whose directory import is recorded as still running
        Path structures = Files.copy(Path.of("samples/directory/structures.csv"), dataDir.resolve("structures.csv"));
        Path services = Files.copy(Path.of("samples/directory/services.csv"), dataDir.resolve("services.csv"));
        Path folder = dataDir.resolve("data");
        String data = "--achemine.data-dir=" + folder;
        assertThat(run("directory", "import", structures.toString(), services.toString(), data).exitCode()).isZero();
        setImportStatus(folder, "STARTED");
        // and an engine answering on the folder's address (PostgreSQL lets a command open the database beside a
        // running engine; here an HTTP answer stands for that engine, the database being H2's file)
        HttpServer engine = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        engine.createContext("/", exchange -> {
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        engine.start();
        try {
            Files.writeString(EngineAddress.file(folder), "host=127.0.0.1\nport=" + engine.getAddress().getPort()
                    + "\ntoken=t\n");

            // when a one-shot command starts (one that starts the application: job list only reads), then the
            // running execution is left running: it is that engine's
            Run started = run("job", "run", "nope", data);
            assertThat(started.err()).contains("Job inconnu : nope");
            assertThat(importStatus(folder)).isEqualTo("STARTED");
            // and job list asks that engine (this one knows of no execution) instead of the database
            assertThat(run("job", "list", data).out()).contains("(aucune exécution)");
        } finally {
            engine.stop(0);
        }

        // and once no engine answers, the same command takes it for a killed engine's and marks it failed
        Run alone = run("job", "run", "nope", data);
        assertThat(alone.err()).contains("Job inconnu : nope");
        assertThat(importStatus(folder)).isEqualTo("FAILED");
        assertThat(run("job", "list", data).out()).containsPattern("directory-import .* FAILED ");
    }

    private static void setImportStatus(Path folder, String status) {
        try (SingleConnectionDataSource db = TestDatabase.h2(folder).open()) {
            new JdbcTemplate(db).update("UPDATE BATCH_JOB_EXECUTION SET STATUS = ?, END_TIME = NULL", status);
        }
    }

    private static String importStatus(Path folder) {
        try (SingleConnectionDataSource db = TestDatabase.h2(folder).open()) {
            return new JdbcTemplate(db).queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION", String.class);
        }
    }
}
