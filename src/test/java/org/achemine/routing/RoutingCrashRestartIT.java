package org.achemine.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.achemine.cli.AchemineCommand;
import org.achemine.testing.EngineProcess;
import org.achemine.testing.SampleInvoices;
import org.achemine.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's crash test: the routing job is killed with SIGKILL in the middle of a run, then run again; every
 * accepted invoice must end delivered exactly once (one file in its recipient's mailbox, statuses 01, 02,
 * 03 once each) and nothing may be left half-done (no invoice in 01 or 02, no temporary file).
 */
class RoutingCrashRestartIT {

    private static final int INVOICES = 300;
    /** A ceiling, never a measure: 300 invoices through an engine JVM take minutes on a crowded 2-core machine. */
    private static final Duration PATIENCE = Duration.ofMinutes(10);
    private static final String BELLERIVE = "21690012600014";

    @TempDir
    Path work;

    private final List<Process> processes = new ArrayList<>();

    /** The database the engine and the routing runs use: the data folder's H2 file. */
    protected TestDatabase database(Path dataDir) {
        return TestDatabase.h2(dataDir);
    }

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void killedDuringRoutingAndRunAgainEveryInvoiceIsDeliveredExactlyOnce() throws Exception {
        // given the sample directory, and two batch flows of 150 invoices taken and reported by the engine
        Path dataDir = work.resolve("data");
        String data = "--achemine.data-dir=" + dataDir;
        TestDatabase database = database(dataDir);
        String[] onDatabase = database.arguments().toArray(String[]::new);
        Path structures = Files.copy(Path.of("samples/directory/structures.csv"), work.resolve("structures.csv"));
        Path services = Files.copy(Path.of("samples/directory/services.csv"), work.resolve("services.csv"));
        assertThat(AchemineCommand.commandLine().execute(with(onDatabase, "directory", "import", structures.toString(),
                services.toString(), data))).isZero();
        Path inbox = Files.createDirectories(dataDir.resolve("mailboxes/FOU001/in"));
        SampleInvoices.drop(inbox, "lot-1.zip", batch(0, INVOICES / 2));
        SampleInvoices.drop(inbox, "lot-2.zip", batch(INVOICES / 2, INVOICES));
        Process engine = start("engine", with(onDatabase, "run", data, "--achemine.routing.trigger-delay=1h",
                "--achemine.intake.poll-interval=100ms", "--achemine.intake.read-lock-interval=300ms"));
        Path reports = dataDir.resolve("mailboxes/FOU001/out");
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> count(reports, ".cr.xml") == 2);
        engine.destroy();
        assertThat(engine.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // when a routing run is killed with SIGKILL after some deliveries
        Path delivered = dataDir.resolve("mailboxes/COL001/out"); // the recipient partner serving BELLERIVE
        Process routing = start("routing-1", with(onDatabase, "job", "run", "routing", data, "--achemine.routing.chunk-size=7"));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10))
                .until(() -> count(delivered, ".xml") >= INVOICES / 4);
        routing.destroyForcibly();
        assertThat(routing.waitFor(10, TimeUnit.SECONDS)).isTrue();
        long deliveredBeforeKill = count(delivered, ".xml");
        // the kill is what stopped the run (128 + SIGKILL, not an exit of its own), before the last delivery
        assertThat(routing.exitValue()).as("exit status of the killed run").isEqualTo(137);
        assertThat(deliveredBeforeKill).isLessThan(INVOICES);

        // and routing is run again
        Process again = start("routing-2", with(onDatabase, "job", "run", "routing", data));
        assertThat(again.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).as(Files.readString(work.resolve("routing-2.log"))).isZero();

        // then every invoice was delivered exactly once
        assertThat(count(delivered, ".xml")).isEqualTo(INVOICES);
        assertThat(count(delivered, ".tmp")).isZero();
        try (Connection db = database.open().getConnection()) {
            Map<String, Long> byStatus = countBy(db, "SELECT status, COUNT(*) FROM invoice GROUP BY status");
            assertThat(byStatus).containsExactly(Map.entry("03", (long) INVOICES));
            Map<String, String> histories = new HashMap<>();
            try (ResultSet rs = db.createStatement().executeQuery(
                    "SELECT invoice_id, status FROM invoice_status_history ORDER BY invoice_id, seq")) {
                while (rs.next()) {
                    histories.merge(rs.getString(1), rs.getString(2), (before, next) -> before + "," + next);
                }
            }
            assertThat(histories).hasSize(INVOICES).allSatisfy((invoice, history) -> assertThat(history).isEqualTo("01,02,03"));
            try (ResultSet rs = db.createStatement().executeQuery("SELECT invoice_id, delivery_path FROM invoice")) {
                while (rs.next()) {
                    assertThat(Path.of(rs.getString(2))).exists();
                    assertThat(Path.of(rs.getString(2)).getFileName().toString()).startsWith(rs.getString(1) + "_");
                }
            }
        }
    }

    private Process start(String name, String... args) throws Exception {
        Process process = EngineProcess.start(work.resolve(name + ".log"), args);
        processes.add(process);
        return process;
    }

    private static String[] with(String[] database, String... args) {
        return Stream.concat(Stream.of(args), Stream.of(database)).toArray(String[]::new);
    }

    private static byte[] batch(int from, int to) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = from; i < to; i++) {
                zip.putNextEntry(new ZipEntry(String.format("facture-%04d.xml", i)));
                zip.write(SampleInvoices.ubl(String.format("F-CRASH-%04d", i), BELLERIVE, "SCE-TECH-042", null));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static long count(Path folder, String suffix) throws Exception {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
        }
    }

    private static Map<String, Long> countBy(Connection db, String sql) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }
}
