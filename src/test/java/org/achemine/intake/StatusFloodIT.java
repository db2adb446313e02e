package org.achemine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.achemine.AchemineApplication;
import org.achemine.directory.DirectoryProperties;
import org.achemine.directory.PublicStructureDirectory;
import org.achemine.mailbox.Mailboxes;
import org.achemine.report.ReportSchema;
import org.achemine.testing.Commands;
import org.achemine.testing.SampleInvoices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11's flood: a recipient (COL001) drops two status files of 1,000,000 lines (7 MB each, under the size
 * limit) and two of 50,000 lines that must be applied line by line, while another partner (OPE001) sends a
 * steady stream of valid invoices. Every OPE001 invoice must get its deposit report within {@value #ON_TIME_S}
 * seconds of being dropped, throughout (a worker stalled by COL001 would hold them for minutes), the big files
 * must be answered (refused whole, STA_TROP_DE_LIGNES, after one streamed pass), the 50,000-line reports must
 * stay proportionate (the first lines in detail, the rest counted), and {@code verify --drained} must be clean.
 */
class StatusFloodIT {

    private static final String RECIPIENT = "COL001";
    private static final String STEADY = "OPE001";
    private static final String BUYER = "21690012600014";
    /** Generous for a loaded 2-core machine; a stalled worker holds a flow for minutes. */
    private static final long ON_TIME_S = 30;
    private static final int MIN_STEADY_FLOWS = 20;
    private static final Duration PATIENCE = Duration.ofMinutes(10);
    private static final Pattern LIGNE = Pattern.compile("<Ligne ");

    @TempDir
    Path dataDir;

    private Mailboxes mailboxes;
    private JdbcTemplate jdbc;

    /** Started and closed by the test: {@code verify} opens the database file once the engine has let go of it. */
    private ConfigurableApplicationContext startEngine() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AchemineApplication.class)
                .web(WebApplicationType.NONE)
                .run("--achemine.data-dir=" + dataDir, "--achemine.intake.poll-interval=100ms",
                        "--achemine.intake.read-lock-interval=300ms", "--achemine.routing.trigger-delay=300ms",
                        "--achemine.lifecycle.trigger-delay=500ms", "--achemine.directory.poll-interval=200ms",
                        "--achemine.delivery.durable=false", "--achemine.status-updates.report-detail-lines=1000");
        mailboxes = context.getBean(Mailboxes.class);
        jdbc = context.getBean(JdbcTemplate.class);
        return context;
    }

    @Test
    void aRecipientFloodingStatusFilesNeverDelaysAnotherPartnersReports() throws Exception {
        ConfigurableApplicationContext context = startEngine();
        try {
            flood(context);
        } finally {
            context.close();
        }
        // and once the engine is stopped, verify (drained) finds nothing wrong
        Commands.Run verify = Commands.run("verify", "--data-dir", dataDir.toString(), "--drained");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    }

    private void flood(ConfigurableApplicationContext context) throws Exception {
        PublicStructureDirectory directory = context.getBean(PublicStructureDirectory.class);
        // given the directory in service, and four status files generated beside the mailboxes
        dropDirectory(context.getBean(DirectoryProperties.class));
        await().atMost(PATIENCE).until(() -> directory.structureCount() == 32);
        Path staging = Files.createDirectories(dataDir.resolve("test-staging"));
        Map<String, Path> heavy = new LinkedHashMap<>();
        heavy.put("statuts-million-1.csv", shortLines(staging.resolve("m1"), 1_000_000));
        heavy.put("statuts-million-2.csv", shortLines(staging.resolve("m2"), 1_000_000));
        heavy.put("statuts-50000-1.csv", unknownInvoices(staging.resolve("c1"), 50_000));
        heavy.put("statuts-50000-2.csv", unknownInvoices(staging.resolve("c2"), 50_000));

        // when OPE001 sends a valid invoice every 500 ms, and COL001 drops its four files meanwhile
        Map<String, Instant> droppedAt = new LinkedHashMap<>();
        ExecutorService steadyPartner = Executors.newSingleThreadExecutor();
        Future<?> steadyStream = steadyPartner.submit(() -> {
            for (int i = 1; i <= MIN_STEADY_FLOWS || !answered(heavy.keySet()); i++) {
                String name = "ope-" + i + ".xml";
                synchronized (droppedAt) {
                    droppedAt.put(name, Instant.now());
                }
                SampleInvoices.drop(mailboxes.in(STEADY), name,
                        SampleInvoices.ubl("OPE-FLOT-" + i, BUYER, "SCE-TECH-042", "1300045678"));
                TimeUnit.MILLISECONDS.sleep(500); // the partner's pace, not a wait for the engine
            }
            return null;
        });
        await().atMost(PATIENCE).until(() -> reported(STEADY) >= 2);
        for (Map.Entry<String, Path> file : heavy.entrySet()) {
            Files.move(file.getValue(), mailboxes.in(RECIPIENT).resolve(file.getKey()));
        }

        // then the big files are answered, and OPE001's stream ends
        steadyStream.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        steadyPartner.shutdown();
        await().atMost(PATIENCE).until(() -> reported(STEADY) == droppedAt.size());

        // every OPE001 invoice got its deposit report on time, throughout
        List<String> late = new ArrayList<>();
        for (Map.Entry<String, Instant> drop : droppedAt.entrySet()) {
            OffsetDateTime reportedAt = jdbc.queryForObject("SELECT reported_at FROM flow WHERE partner = ?"
                    + " AND original_name = ?", OffsetDateTime.class, STEADY, drop.getKey());
            Duration took = Duration.between(drop.getValue(), reportedAt.toInstant());
            if (took.toSeconds() > ON_TIME_S) {
                late.add(drop.getKey() + " answered after " + took);
            }
        }
        assertThat(late).as("OPE001 invoices answered later than " + ON_TIME_S + " s after their drop").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flow WHERE partner = ? AND flow_state = 'IN_INTEGRE'",
                Integer.class, STEADY)).isEqualTo(droppedAt.size());

        // the million-line files are refused whole after being counted
        for (String name : List.of("statuts-million-1.csv", "statuts-million-2.csv")) {
            Path report = reportOf(name);
            ReportSchema.validate(report);
            assertThat(Files.readString(report)).contains("STA_TROP_DE_LIGNES").contains("1000000")
                    .doesNotContain("<Ligne ");
            assertThat(stateOf(name)).isEqualTo("IN_REJETE");
        }
        // the 50,000-line files are applied line by line, and reported in proportion
        for (String name : List.of("statuts-50000-1.csv", "statuts-50000-2.csv")) {
            Path report = reportOf(name);
            ReportSchema.validate(report);
            String xml = Files.readString(report);
            assertThat(xml).contains("nombre=\"50000\"").contains("rejetees=\"50000\"")
                    .contains("nonDetaillees=\"49000\"").contains("STA_FACTURE_INCONNUE");
            assertThat(LIGNE.matcher(xml).results().count()).isEqualTo(1000);
            assertThat(Files.size(report)).as("proportionate").isLessThan(2L * 1024 * 1024);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM status_flow_line l JOIN flow f"
                    + " ON f.flow_id = l.flow_id WHERE f.original_name = ? AND l.kind = 'LINE'", Integer.class, name))
                    .as("every line's outcome is kept").isEqualTo(50_000);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flow WHERE last_incident IS NOT NULL", Integer.class))
                .isZero();

        // and routing has answered OPE001's invoices, and every status change is in a lifecycle report
        await().atMost(PATIENCE).until(() -> integrationReports(STEADY) == droppedAt.size());
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM invoice_status_history WHERE lifecycle_report_id IS NULL", Integer.class) == 0);
    }

    /** The hostile run's shape: a million 7-byte lines, 7 MB, under the 10 MB size limit. */
    private static Path shortLines(Path file, int lines) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id_facture;statut;date_heure\n");
            for (int i = 1; i <= lines; i++) {
                out.write("X;07;Z\n");
            }
        }
        assertThat(Files.size(file)).as("under the size limit: read, not refused by size").isLessThan(10L << 20);
        return file;
    }

    /** Unknown invoice ids: every line is looked up, refused and recorded (the full cost of a line). */
    private static Path unknownInvoices(Path file, int lines) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id_facture;statut;date_heure\n");
            for (int i = 1; i <= lines; i++) {
                out.write("X" + i + ";07;2026-11-24T09:15:00Z\n");
            }
        }
        return file;
    }

    private static void dropDirectory(DirectoryProperties directoryProperties) throws IOException {
        Path inbox = Files.createDirectories(directoryProperties.inbox());
        FileTime settled = FileTime.from(Instant.now().minusSeconds(10));
        Files.setLastModifiedTime(Files.copy(Path.of("samples/directory/structures.csv"),
                inbox.resolve("flood-structures.csv")), settled);
        Files.setLastModifiedTime(Files.copy(Path.of("samples/directory/services.csv"),
                inbox.resolve("flood-services.csv")), settled);
    }

    private boolean answered(Iterable<String> names) {
        for (String name : names) {
            if (jdbc.queryForObject("SELECT COUNT(*) FROM flow WHERE partner = ? AND original_name = ?"
                    + " AND stage = 'REPORTED'", Integer.class, RECIPIENT, name) == 0) {
                return false;
            }
        }
        return true;
    }

    private int reported(String partner) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM flow WHERE partner = ? AND stage = 'REPORTED'", Integer.class,
                partner);
    }

    private Path reportOf(String name) {
        return Path.of(jdbc.queryForObject("SELECT report_path FROM flow WHERE partner = ? AND original_name = ?",
                String.class, RECIPIENT, name));
    }

    private String stateOf(String name) {
        return jdbc.queryForObject("SELECT flow_state FROM flow WHERE partner = ? AND original_name = ?",
                String.class, RECIPIENT, name);
    }

    private long integrationReports(String partner) {
        try (Stream<Path> out = Files.list(mailboxes.out(partner))) {
            return out.filter(p -> p.getFileName().toString().endsWith(".integration.xml")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
