package org.achemine.testing;

import static org.achemine.testing.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.achemine.api.EngineAddress;
import org.achemine.testing.Commands.Run;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A data folder the demo filled with a few samples, and {@code run} started on it in a JVM of its own (it then
 * holds the H2 file, as in production), with a viewer and an operator able to log in.
 */
public final class DemoEngine {

    public static final String VIEWER = "lecteur";
    public static final String VIEWER_PASSWORD = "lecteur-mot-de-passe";
    public static final String OPERATOR = "exploitant";
    public static final String OPERATOR_PASSWORD = "exploitant-mot-de-passe";

    private DemoEngine() {
    }

    /**
     * The demo on a handful of samples, a quicker demo: delivered invoices (03), refusals at integration (the
     * batch's duplicates), documents refused at deposit, the credit note booked (07, 10) and the CII invoice
     * suspended (06) by the recipient's status files.
     */
    public static Path demoDataFolder(Path work) throws IOException {
        Path samples = work.resolve("samples");
        for (String sample : List.of("directory/structures.csv", "directory/services.csv", "ubl/invoice-valid.xml",
                "cii/invoice-valid.xml", "ubl/creditnote-valid.xml", "batch/mixed-batch.zip", "invalid/xsd-error.xml",
                "status/statuts-comptabilite.xml")) {
            Path copy = samples.resolve(sample);
            Files.createDirectories(copy.getParent());
            Files.copy(Path.of("samples").resolve(sample), copy);
        }
        // of the recipient's CSV sample, only the suspension of the CII invoice: the UBL one stays delivered (03)
        List<String> suspensionOnly = Files.readAllLines(Path.of("samples/status/statuts-service-fait.csv")).stream()
                .filter(line -> line.startsWith("id_facture") || line.contains("FA-2026-000124")).toList();
        assertThat(suspensionOnly).hasSize(2);
        Files.write(samples.resolve("status/statuts-service-fait.csv"), suspensionOnly);
        Path dataDir = work.resolve("demo");
        Run demo = run("demo", "--samples", samples.toString(), "--data-dir", dataDir.toString());
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        return dataDir;
    }

    /** {@code run} on the folder, any free port; returns once the engine wrote where it answers. */
    public static Process start(Path dataDir, Path log, String... settings) throws IOException {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4); // cost 4: a test's logins, not a vault
        List<String> args = new ArrayList<>(List.of("run", "--achemine.data-dir=" + dataDir,
                "--achemine.console.users[0].name=" + VIEWER,
                "--achemine.console.users[0].password={bcrypt}" + bcrypt.encode(VIEWER_PASSWORD),
                "--achemine.console.users[0].role=VIEWER",
                "--achemine.console.users[1].name=" + OPERATOR,
                "--achemine.console.users[1].password={bcrypt}" + bcrypt.encode(OPERATOR_PASSWORD),
                "--achemine.console.users[1].role=OPERATOR"));
        args.addAll(List.of(settings));
        Process engine = EngineProcess.start(log, args.toArray(String[]::new));
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(engine.isAlive()).as("engine started (log %s)", log).isTrue();
            return EngineAddress.read(dataDir).isPresent();
        });
        return engine;
    }

    /** The engine's base URL, e.g. {@code http://127.0.0.1:43567}. */
    public static String baseUrl(Path dataDir) {
        EngineAddress address = EngineAddress.read(dataDir).orElseThrow();
        return "http://" + address.host() + ":" + address.port();
    }

    /** SIGTERM, as an operator stops it; waits for the end. */
    public static void stop(Process engine) throws InterruptedException {
        engine.destroy();
        if (!engine.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            engine.destroyForcibly().waitFor();
        }
    }
}
