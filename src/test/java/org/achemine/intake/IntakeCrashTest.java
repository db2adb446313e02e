package org.achemine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.achemine.archive.FlowArchive;
import org.achemine.testing.EngineProcess;
import org.achemine.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 2's crash test: the engine runs as its own JVM ({@code achemine run}), 500 flows are dropped while
 * it runs, it is killed with SIGKILL midway, restarted, and must then have answered every flow exactly once:
 * one deposit report and one archived original per flow, SHA-256 matching what was dropped, nothing left
 * in {@code in/}, no temporary file anywhere. The second run is stopped with SIGTERM and must exit by itself.
 */
class IntakeCrashTest {

    private static final int FLOWS = 500;
    private static final List<String> PARTNERS = List.of("FOU001", "OPE001");
    private static final Pattern ID_FLUX = Pattern.compile("<IdFlux>([A-Z0-9]{25})</IdFlux>");
    private static final Pattern SHA = Pattern.compile("<Empreinte algorithme=\"SHA-256\">([0-9a-f]{64})</Empreinte>");

    @TempDir
    Path work;

    private final List<Process> engines = new ArrayList<>();

    private TestDatabase database;

    /** The database the engines run on: the data folder's H2 file. */
    protected TestDatabase database(Path dataDir) {
        return TestDatabase.h2(dataDir);
    }

    @AfterEach
    void stopEngines() {
        engines.forEach(Process::destroyForcibly);
    }

    @Test
    void killedMidwayAndRestartedTheEngineAnswersEveryFlowExactlyOnce() throws Exception {
        // given the engine running in its own JVM, and partners dropping 500 flows (write, then rename)
        Path dataDir = work.resolve("data");
        database = database(dataDir);
        for (String partner : PARTNERS) {
            Files.createDirectories(dataDir.resolve("mailboxes").resolve(partner).resolve("in"));
        }
        Process first = startEngine(dataDir, "first");
        Map<String, String> dropped = new HashMap<>(); // partner/name -> sha256
        long dropStart = System.nanoTime();
        Thread dropper = new Thread(() -> dropAll(dataDir, dropped), "dropper");
        dropper.start();

        // when the engine is killed with SIGKILL once about a third of the flows are answered
        // (generous limits: a JVM start takes 10 s on a quiet machine, 40 s on a loaded one, and up to 4 min when
        // several builds share the 2 cores; on PostgreSQL the first start also creates the schema)
        await().atMost(Duration.ofSeconds(360)).pollInterval(Duration.ofMillis(20))
                .until(() -> reports(dataDir).size() >= FLOWS / 3);
        first.destroyForcibly();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        int answeredBeforeKill = reports(dataDir).size();
        // the kill is what stopped it (128 + SIGKILL), and it came before the last flow was answered
        assertThat(first.exitValue()).as("exit status of the killed engine").isEqualTo(137);
        assertThat(answeredBeforeKill).as("flows answered before the kill").isLessThan(FLOWS);
        dropper.join();

        // and restarted
        long restart = System.nanoTime();
        Process second = startEngine(dataDir, "second");
        await().atMost(Duration.ofSeconds(360)).pollInterval(Duration.ofMillis(20))
                .until(() -> reports(dataDir).size() > answeredBeforeKill);
        long firstReportAfterRestart = System.nanoTime();
        int answeredAtFirst = reports(dataDir).size();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(100))
                .until(() -> reports(dataDir).size() >= FLOWS && inboxes(dataDir).isEmpty());
        double secondsToDrain = (System.nanoTime() - restart) / 1e9;
        double drainRate = (FLOWS - answeredAtFirst) / ((System.nanoTime() - firstReportAfterRestart) / 1e9);
        double secondsOverall = (System.nanoTime() - dropStart) / 1e9;

        // then SIGTERM stops it gracefully
        second.destroy();
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).as("engine exits on SIGTERM").isTrue();

        // and every flow dropped has exactly one report and one archived original, with its SHA-256
        assertThat(dropped).hasSize(FLOWS);
        List<Path> reports = reports(dataDir);
        assertThat(reports).hasSize(FLOWS);
        Map<String, String> archived = archivedOriginals(dataDir);
        assertThat(archived).hasSize(FLOWS);
        for (Map.Entry<String, String> flow : dropped.entrySet()) {
            String partner = flow.getKey().substring(0, 6);
            String name = flow.getKey().substring(7);
            List<Path> mine = reports.stream()
                    .filter(r -> r.getParent().getParent().getFileName().toString().equals(partner))
                    .filter(r -> r.getFileName().toString().endsWith("_" + name + ".cr.xml"))
                    .toList();
            assertThat(mine).as("reports of %s", flow.getKey()).hasSize(1);
            String xml = Files.readString(mine.get(0));
            String flowId = group(ID_FLUX, xml);
            assertThat(group(SHA, xml)).as("SHA-256 in the report of %s", flow.getKey()).isEqualTo(flow.getValue());
            assertThat(archived.get(flowId)).as("archived original of %s", flowId).isEqualTo(flow.getValue());
        }

        // and the database agrees: one row per flow, all reported, sources removed
        try (Connection db = database.open().getConnection();
             ResultSet row = db.createStatement().executeQuery("SELECT COUNT(*), COUNT(DISTINCT sha256),"
                     + " SUM(CASE WHEN stage = 'REPORTED' AND source_removed THEN 1 ELSE 0 END) FROM flow")) {
            row.next();
            assertThat(row.getInt(1)).isEqualTo(FLOWS);
            assertThat(row.getInt(2)).isEqualTo(FLOWS);
            assertThat(row.getInt(3)).isEqualTo(FLOWS);
        }

        // and no temporary file is left anywhere in the mailboxes: only reports (deposit, and integration and
        // lifecycle reports once the engine's routing and lifecycle-report jobs ran on the accepted invoices)
        try (Stream<Path> all = Files.walk(dataDir.resolve("mailboxes"))) {
            assertThat(all.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".cr.xml") && !n.endsWith(".integration.xml")
                            && !n.matches("(FSO|CSO)[0-9]{4}A_ACH001_[A-Z0-9]{25}\\.xml")
                            && !n.matches("FEN1200A_ACH001_[A-Z0-9]{25}\\.xml"))).isEmpty();
        }
        assertThat(stagingLeftovers(dataDir)).isEmpty();

        System.out.printf("crash test: %d flows, %d answered before SIGKILL, restart drained the rest in %.1f s"
                        + " (JVM start included; %.0f flows/s once answering), %.1f s from first drop to last report%n",
                FLOWS, answeredBeforeKill, secondsToDrain, drainRate, secondsOverall);
    }

    private Process startEngine(Path dataDir, String name) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", "--achemine.data-dir=" + dataDir,
                "--achemine.intake.poll-interval=100ms", "--achemine.intake.read-lock-interval=300ms"));
        args.addAll(database.arguments());
        Process engine = EngineProcess.start(logFile(name), args.toArray(String[]::new));
        engines.add(engine);
        return engine;
    }

    /** The engines' logs are kept under target/ (the data folder is not) to diagnose a failure. */
    private Path logFile(String name) throws IOException {
        Path logs = Files.createDirectories(Path.of("target", getClass().getSimpleName()));
        return logs.resolve(name + ".log");
    }

    /** Drops distinct flows (mostly valid UBL, some CII, some broken) across both partners, at a steady pace. */
    private static void dropAll(Path dataDir, Map<String, String> dropped) {
        try {
            String ubl = Files.readString(Path.of("samples/ubl/invoice-valid.xml"));
            String cii = Files.readString(Path.of("samples/cii/invoice-valid.xml"));
            for (int i = 0; i < FLOWS; i++) {
                String partner = PARTNERS.get(i % PARTNERS.size());
                String name = String.format("flow-%04d.xml", i);
                String content;
                if (i % 20 == 7) {
                    content = "<Invoice>broken " + i; // not well-formed: answered IN_REJETE
                } else if (i % 20 == 3) {
                    content = cii.replace("</rsm:CrossIndustryInvoice>", "<!-- " + i + " --></rsm:CrossIndustryInvoice>");
                } else {
                    content = ubl.replace("FA-2026-000123", String.format("FA-CRASH-%04d", i));
                }
                byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
                Path in = dataDir.resolve("mailboxes").resolve(partner).resolve("in");
                Path temporary = in.resolve(name + ".tmp");
                Files.write(temporary, bytes);
                Files.move(temporary, in.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                synchronized (dropped) {
                    dropped.put(partner + "/" + name, sha256(bytes));
                }
                if (i % 25 == 0) {
                    await().pollDelay(Duration.ofMillis(100)).until(() -> true); // partners drop over a few seconds
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> reports(Path dataDir) throws IOException {
        List<Path> reports = new ArrayList<>();
        for (String partner : PARTNERS) {
            Path out = dataDir.resolve("mailboxes").resolve(partner).resolve("out");
            if (Files.isDirectory(out)) {
                try (Stream<Path> files = Files.list(out)) {
                    files.filter(p -> p.getFileName().toString().endsWith(".cr.xml")
                            && !p.getFileName().toString().startsWith(".")).forEach(reports::add);
                }
            }
        }
        return reports;
    }

    private static List<Path> inboxes(Path dataDir) throws IOException {
        List<Path> waiting = new ArrayList<>();
        for (String partner : PARTNERS) {
            try (Stream<Path> files = Files.list(dataDir.resolve("mailboxes").resolve(partner).resolve("in"))) {
                files.forEach(waiting::add);
            }
        }
        return waiting;
    }

    /** flow id -> SHA-256 of every published original (the staging folder excluded). */
    private static Map<String, String> archivedOriginals(Path dataDir) throws IOException {
        Map<String, String> archived = new HashMap<>();
        Path root = dataDir.resolve("archive");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!root.relativize(file).startsWith(".staging")) {
                    assertThat(archived.put(file.getFileName().toString(), FlowArchive.sha256Of(file))).isNull();
                }
            }
        }
        return archived;
    }

    private static List<Path> stagingLeftovers(Path dataDir) throws IOException {
        Path staging = dataDir.resolve("archive").resolve(".staging");
        if (!Files.isDirectory(staging)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(staging)) {
            return files.toList();
        }
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in a report", pattern).isTrue();
        return matcher.group(1);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
