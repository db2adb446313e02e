package org.achemine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.achemine.report.ReportSchema;
import org.achemine.testing.EngineProcess;
import org.achemine.testing.SampleInvoices;
import org.achemine.testing.WithoutReadOverride;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: what the engine may not read, in an engine that really may not. The engine runs as its own JVM
 * ({@code achemine run}) started without root's read override ({@link WithoutReadOverride}: tests run as
 * root, whom mode 000 does not stop). A mode-000 invoice is taken unread and refused once
 * (IRR_FICHIER_ILLISIBLE); a mode-000 folder, which it may not move, and an {@code in/} it may not list are
 * each said in one WARN line and left, however many polls pass (so is a directory inbox it may not list);
 * no ERROR, no stack trace; another partner's
 * invoices are answered throughout; {@code verify}, as the same user, lists what was left.
 */
class UnreadableEntriesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String CLOSED = "---------";

    @TempDir
    Path work;

    private final List<Process> engines = new ArrayList<>();
    private final List<Path> closed = new ArrayList<>();

    @AfterEach
    void stopEnginesAndReopen() throws IOException {
        engines.forEach(Process::destroyForcibly);
        for (String log : List.of("engine.log", "verify.log")) { // kept for diagnosis
            if (Files.exists(work.resolve(log))) {
                Files.copy(work.resolve(log), Path.of("target", "UnreadableEntriesIT-" + log),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (Path path : closed) { // so that @TempDir can clean up, whoever runs the test
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }

    @Test
    void whatTheEngineMayNotReadIsAnsweredOrSaidOnceWhileAnotherPartnerFlowsOn() throws Exception {
        // given an engine that file modes stop, running with three mailboxes
        List<String> launcher = WithoutReadOverride.launcher(work);
        Path data = work.resolve("data");
        Path fou = Files.createDirectories(data.resolve("mailboxes/FOU001/in"));
        Path ope = Files.createDirectories(data.resolve("mailboxes/OPE001/in"));
        Path col = Files.createDirectories(data.resolve("mailboxes/COL001/in"));
        Path log = work.resolve("engine.log");
        Process engine = EngineProcess.start(launcher, log, "run", "--achemine.data-dir=" + data,
                "--achemine.intake.poll-interval=100ms", "--achemine.intake.read-lock-interval=300ms",
                "--achemine.directory.poll-interval=200ms");
        engines.add(engine);
        SampleInvoices.drop(ope, "ope-1.xml", SampleInvoices.ubl("OPE-2026-1", "21690012600014", "SCE-TECH-042", "1300045678"));
        await().atMost(PATIENCE).until(() -> depositReport(data, "OPE001", "ope-1.xml") != null);

        // when FOU001 drops a mode-000 invoice and a mode-000 folder, and COL001's in/ is closed to the engine
        Path unreadable = SampleInvoices.drop(fou, "facture-illisible.xml",
                SampleInvoices.ubl("FA-ILLISIBLE-1", "21690012600014", "SCE-TECH-042", "1300045678"));
        close(unreadable);
        Path folder = Files.createDirectory(fou.resolve("dossier-ferme.xml"));
        Files.writeString(folder.resolve("facture.xml"), "<Invoice/>");
        close(folder);
        close(col);
        Path directoryInbox = data.resolve("directory/in"); // not the intake's, the same answer
        close(directoryInbox);

        // then the invoice is answered once, refused for its permissions, and has left in/
        await().atMost(PATIENCE).until(() -> depositReport(data, "FOU001", "facture-illisible.xml") != null);
        Path report = depositReport(data, "FOU001", "facture-illisible.xml");
        ReportSchema.validate(report);
        assertThat(Files.readString(report)).contains("code=\"IRR_FICHIER_ILLISIBLE\"", "droits ---------",
                "chmod 644").doesNotContain("<Empreinte");
        assertThat(Files.exists(unreadable, LinkOption.NOFOLLOW_LINKS)).as("moved out of in/").isFalse();
        assertThat(archivedWithMode(data, CLOSED)).as("archived as it came, never opened").hasSize(1);
        // and the folder and the closed in/ are each said once, while the engine polls on and OPE001 is answered
        await().atMost(PATIENCE).until(() -> lines(log, "dossier-ferme.xml stays in in/").size() == 1
                && lines(log, "COL001: in/").size() == 1 && lines(log, "Directory inbox ").size() == 1);
        for (int i = 2; i <= 4; i++) {
            String name = "ope-" + i + ".xml";
            SampleInvoices.drop(ope, name, SampleInvoices.ubl("OPE-2026-" + i, "21690012600014", "SCE-TECH-042", "1300045678"));
            await().atMost(PATIENCE).until(() -> depositReport(data, "OPE001", name) != null);
        }
        assertThat(lines(log, "dossier-ferme.xml stays in in/")).as("said once, not at every poll").singleElement()
                .asString().contains("WARN", "(---------, owner ", "without write permission");
        assertThat(lines(log, "COL001: in/")).singleElement().asString().contains("WARN", "AccessDeniedException");
        assertThat(lines(log, "Directory inbox " + directoryInbox)).singleElement().asString()
                .contains("WARN", "cannot be listed", "AccessDeniedException");
        assertThat(lines(log, "facture-illisible.xml from FOU001 unread")).singleElement().asString()
                .contains("WARN", "not readable by the engine: AccessDeniedException");
        assertThat(lines(log, " ERROR ")).as("no error").isEmpty();
        assertThat(lines(log, "\tat ")).as("no stack trace").isEmpty();
        assertThat(Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)).as("the folder is left where it is").isTrue();

        // and once stopped, verify (as the engine's user) lists what is left
        engine.destroy();
        assertThat(engine.waitFor(60, TimeUnit.SECONDS)).as("the engine exits on SIGTERM").isTrue();
        Path verifyLog = work.resolve("verify.log");
        Process verify = EngineProcess.start(launcher, verifyLog, "verify", "--data-dir", data.toString());
        engines.add(verify);
        assertThat(verify.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String said = Files.readString(verifyLog, StandardCharsets.UTF_8);
        assertThat(verify.exitValue()).as(said).isEqualTo(1);
        assertThat(said).contains("INV_ENTREE_ILLISIBLE", folder.toString(), col.toString());
    }

    private void close(Path path) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(CLOSED));
        closed.add(path);
    }

    private static Path depositReport(Path data, String partner, String name) throws IOException {
        Path out = data.resolve("mailboxes").resolve(partner).resolve("out");
        if (!Files.isDirectory(out)) {
            return null;
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().endsWith("_" + name + ".cr.xml")).findFirst().orElse(null);
        }
    }

    private static List<Path> archivedWithMode(Path data, String mode) throws IOException {
        try (Stream<Path> files = Files.walk(data.resolve("archive"))) {
            return files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> mode.equals(mode(p))).toList();
        }
    }

    private static List<String> lines(Path log, String containing) throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.contains(containing)).toList();
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
