package org.achemine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.achemine.mailbox.Mailboxes;
import org.achemine.report.ReportSchema;
import org.achemine.testing.OwnDataFolder;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.FileEndpoint;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The intake routes in a real Spring context with Camel, H2 and the mailboxes in a temporary data folder. */
// Routing is not what these tests look at: its trigger stays quiet.
@SpringBootTest(properties = {"achemine.routing.trigger-delay=1h", "achemine.lifecycle.trigger-delay=1h",
        "achemine.intake.poll-interval=100ms",
        "achemine.intake.read-lock-interval=" + IntakeRoutesTest.READ_LOCK_MILLIS + "ms"})
class IntakeRoutesTest extends OwnDataFolder {

    private static final String PARTNER = "FOU001";
    /** A ceiling, never a measure: every sample answered takes a minute on a machine shared by many builds. */
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    /** A file is taken once its size and date have not changed for this long (Camel's "changed" read lock). */
    static final long READ_LOCK_MILLIS = 500;
    private static final Duration READ_LOCK = Duration.ofMillis(READ_LOCK_MILLIS);
    private static final Duration WRITER_PAUSE = Duration.ofMillis(100);

    @Autowired
    Mailboxes mailboxes;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CamelContext camel;

    @Test
    void validInvoiceIsArchivedRecordedAndAnsweredWithAnAcceptingReport() throws Exception {
        // given a valid UBL invoice dropped in the partner's in/
        Path dropped = drop("samples/ubl/invoice-valid.xml", "facture-ok.xml");
        String sha = sha256Hex(Path.of("samples/ubl/invoice-valid.xml"));

        // when the engine has answered
        Path report = awaitReport("facture-ok.xml");

        // then the report is schema-valid and accepts the flow, the original is archived and in/ is empty
        ReportSchema.validate(report);
        String xml = Files.readString(report);
        assertThat(xml).contains("<Code>90</Code>", "<Etat>IN_INTEGRE</Etat>", sha, "FSO1100A",
                "<Decision>ACCEPTEE</Decision>");
        // the report is renamed into out/ before the commit that marks the flow REPORTED (ADR 0001): wait for it
        await().atMost(PATIENCE).until(() -> "REPORTED".equals(jdbc.queryForObject(
                "SELECT stage FROM flow WHERE original_name = 'facture-ok.xml'", String.class)));
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM flow WHERE original_name = 'facture-ok.xml'");
        assertThat(row.get("STAGE")).isEqualTo("REPORTED");
        assertThat(row.get("SHA256")).isEqualTo(sha);
        assertThat(row.get("STATUS_CODE")).isEqualTo("90");
        Path archived = Path.of((String) row.get("ARCHIVE_PATH"));
        assertThat(sha256Hex(archived)).isEqualTo(sha);
        assertThat(archived.getFileName().toString()).isEqualTo(row.get("FLOW_ID"));
        assertThat(Files.getPosixFilePermissions(archived)).noneMatch(p -> p.name().endsWith("WRITE"));
        assertThat(dropped).doesNotExist();
        assertThat(jdbc.queryForObject("SELECT decision FROM flow_document WHERE flow_id = ?", String.class,
                row.get("FLOW_ID"))).isEqualTo("ACCEPTED");
    }

    @Test
    void slowWriterIsTakenOnceAndWhole() throws Exception {
        // given a file written in 20 chunks over about 2 seconds, straight under its final name
        byte[] content = Files.readAllBytes(Path.of("samples/ubl/invoice-valid.xml"));
        Path target = mailboxes.in(PARTNER).resolve("slow-writer.xml");
        long longestSilence = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int chunk = content.length / 20 + 1;
            long lastWrite = System.nanoTime();
            for (int offset = 0; offset < content.length; offset += chunk) {
                out.write(content, offset, Math.min(chunk, content.length - offset));
                out.flush();
                longestSilence = Math.max(longestSilence, System.nanoTime() - lastWrite);
                lastWrite = System.nanoTime();
                await().pollDelay(WRITER_PAUSE).until(() -> true); // the writer is slow
            }
        }
        // A writer silent for longer than the read lock may rightly see its file taken half-written: on a machine
        // so loaded that the 100 ms pauses stretched that far, this run proves nothing either way.
        Duration silence = Duration.ofNanos(longestSilence);
        Assumptions.assumeTrue(silence.compareTo(READ_LOCK) < 0,
                () -> "the writer was silent for " + silence.toMillis() + " ms, not less than the read lock");

        // when the engine has answered
        Path report = awaitReport("slow-writer.xml");

        // then exactly one flow was made of it, holding the whole file
        ReportSchema.validate(report);
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT size_bytes, sha256 FROM flow WHERE original_name = 'slow-writer.xml'");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("SIZE_BYTES")).isEqualTo((long) content.length);
        assertThat(rows.get(0).get("SHA256")).isEqualTo(sha256Hex(Path.of("samples/ubl/invoice-valid.xml")));
        assertThat(Files.readString(report)).contains("<Etat>IN_INTEGRE</Etat>");
    }

    @Test
    void temporaryNameIsIgnoredUntilRenamed() throws Exception {
        // given a file written under a temporary name
        Path temporary = mailboxes.in(PARTNER).resolve("renamed.xml.part");
        Files.copy(Path.of("samples/cii/invoice-valid.xml"), temporary);

        // then it is left alone while it keeps that name
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> Files.exists(temporary) && reportsFor("renamed.xml").isEmpty());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flow WHERE original_name LIKE 'renamed%'", Integer.class))
                .isZero();

        // when it is renamed
        Files.move(temporary, temporary.resolveSibling("renamed.xml"), StandardCopyOption.ATOMIC_MOVE);

        // then it is taken under its final name, as CII
        Path report = awaitReport("renamed.xml");
        ReportSchema.validate(report);
        assertThat(Files.readString(report)).contains("FSO1106A", "<Etat>IN_INTEGRE</Etat>");
    }

    @Test
    void theMailboxRoutesExcludeTheNamesTheirFilterSkips() {
        // the filter runs before the exclude pattern (Camel): it skips the same names, so none starts settling
        List<FileEndpoint> mailboxRoutes = camel.getEndpoints().stream().filter(FileEndpoint.class::isInstance)
                .map(FileEndpoint.class::cast).filter(e -> e.getFilter() instanceof SettledFileReadLock).toList();

        assertThat(mailboxRoutes).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getExclude()).isEqualTo(SettledFileReadLock.TEMPORARY_NAMES));
    }

    @Test
    void everySampleGetsOneSchemaValidReport() throws Exception {
        // given every sample, good, bad and hostile, dropped at once (copied in, then renamed)
        List<Path> samples;
        try (Stream<Path> files = Files.walk(Path.of("samples"))) {
            samples = files.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().endsWith(".java") && !p.toString().endsWith(".md"))
                    .toList();
        }
        for (Path sample : samples) {
            drop(sample.toString(), "all-" + sample.getFileName());
        }

        // when the engine has answered them all
        await().atMost(PATIENCE).until(() -> samples.stream()
                .allMatch(s -> reportsFor("all-" + s.getFileName()).size() == 1));

        // then every report validates against the schema and names its flow's state
        for (Path sample : samples) {
            Path report = reportsFor("all-" + sample.getFileName()).get(0);
            ReportSchema.validate(report);
            assertThat(Files.readString(report)).containsPattern("<Etat>IN_(INTEGRE|INTEGRE_PARTIEL|REJETE)</Etat>");
        }
        assertThat(Files.readString(reportsFor("all-xxe-file.xml").get(0))).contains("IRR_DTD", "IN_REJETE");
        assertThat(Files.readString(reportsFor("all-empty.xml").get(0))).contains("IRR_VIDE_F");
        assertThat(Files.readString(reportsFor("all-mixed-batch.zip").get(0))).contains("IN_INTEGRE_PARTIEL");
    }

    @Test
    void flowIdsAreChorusShapedUniqueAndFollowTheTakeOrder() throws Exception {
        // given three flows of different kinds dropped one after the other
        drop("samples/ubl/invoice-valid.xml", "order-1.xml");
        awaitReport("order-1.xml");
        drop("samples/cii/invoice-valid.xml", "order-2.xml");
        awaitReport("order-2.xml");
        drop("samples/batch/mixed-batch.zip", "order-3.zip");
        awaitReport("order-3.zip");
        drop("samples/invalid/unsupported-type.pdf", "order-4.odt");
        awaitReport("order-4.odt");

        // then their ids are platform code + interface number + 15-digit sequence, increasing
        List<String> ids = jdbc.queryForList(
                "SELECT flow_id FROM flow WHERE original_name LIKE 'order-%' ORDER BY original_name", String.class);
        assertThat(ids).hasSize(4).allMatch(id -> id.matches("ACH001[0-9]{4}[0-9]{15}"));
        assertThat(ids).extracting(id -> id.substring(6, 10)).containsExactly("1100", "1106", "1190", "1199");
        assertThat(ids).extracting(id -> Long.parseLong(id.substring(10))).isSorted().doesNotHaveDuplicates();
    }

    private Path drop(String sample, String name) throws IOException {
        Path in = mailboxes.in(PARTNER);
        Path temporary = in.resolve(name + ".tmp");
        Files.copy(Path.of(sample), temporary, StandardCopyOption.REPLACE_EXISTING);
        return Files.move(temporary, in.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private Path awaitReport(String originalName) {
        await().atMost(PATIENCE).until(() -> reportsFor(originalName).size() == 1);
        return reportsFor(originalName).get(0);
    }

    private List<Path> reportsFor(String originalName) {
        String suffix = "_" + originalName.replaceAll("[^A-Za-z0-9._-]", "_") + ".cr.xml";
        try (Stream<Path> files = Files.list(mailboxes.out(PARTNER))) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)
                    && p.getFileName().toString().length() == 25 + suffix.length()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The file's SHA-256 in lower-case hex, computed here and not by the production code it checks. */
    private static String sha256Hex(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
