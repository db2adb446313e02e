package org.achemine.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.achemine.lifecycle.report.StatusReportFiles;
import org.achemine.testing.OwnDataFolder;
import org.achemine.testing.SampleInvoices;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The nightly job on real H2 and files: directory files waiting in the inbox, invoices taken by intake; the
 * night imports, routes, reports and summarises in that order; a night that failed is restarted where it
 * stopped; the daily summaries say what the database says.
 */
@SpringBootTest(properties = {"achemine.directory.watch=false", "achemine.intake.poll-interval=100ms",
        "achemine.intake.read-lock-interval=200ms", "achemine.routing.trigger-delay=1h",
        "achemine.lifecycle.trigger-delay=1h", "achemine.delivery.durable=false",
        "achemine.lifecycle.summary-waiting=2"})
class NightlyJobIT extends OwnDataFolder {

    private static final String BELLERIVE = "21690012600014";
    /**
     * The night under test: the platform clock starts at noon, Paris time, on a fixed day (the spring-forward
     * Sunday), so the run never straddles midnight and the expected file names do not depend on today.
     */
    private static final LocalDate NIGHT = LocalDate.of(2030, 3, 31);

    /**
     * The platform clock is the machine's plus this offset, taken when the context starts: it then reads that noon
     * whatever today is. The directory files the test drops are dated by the machine's clock and judged settled on
     * it (DirectoryDrops), so today's date never meets the night's (on the platform clock they were, before
     * 2026-12-07, and the test would have failed once today passed the night).
     */
    @DynamicPropertySource
    static void noonOfTheNight(DynamicPropertyRegistry registry) {
        Instant noon = ZonedDateTime.of(NIGHT, LocalTime.NOON, ZoneId.of("Europe/Paris")).toInstant();
        registry.add("achemine.clock.offset", () -> Duration.between(Instant.now(), noon).toString());
    }

    @Autowired
    NightlyRun nightly;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void runsTheNightInOrderAndARestartSkipsWhatCompleted() throws Exception {
        // given directory files settled in the inbox, and invoices taken by intake but not routed
        Path inbox = Files.createDirectories(dataDir.resolve("directory/in"));
        settled(Files.copy(Path.of("samples/directory/structures.csv"), inbox.resolve("structures.csv")));
        settled(Files.copy(Path.of("samples/directory/services.csv"), inbox.resolve("services.csv")));
        deposit("n-1.xml", SampleInvoices.ubl("F-N-001", BELLERIVE, "SCE-TECH-042", "EJ-1"));
        deposit("n-2.xml", SampleInvoices.ubl("F-N-002", BELLERIVE, "SCE-ECOLES-07", null));
        deposit("n-3.xml", SampleInvoices.ubl("F-N-003", BELLERIVE, "SCE-TECH-042", null));
        deposit("n-4.xml", SampleInvoices.ubl("F-N-004", BELLERIVE, "COMPTA", null));
        // and the supplier's summary cannot be written (a folder stands where the file goes)
        Path blocker = dataDir.resolve("mailboxes/FOU001/out/tableau-de-bord-" + today() + ".csv");
        Files.createDirectories(blocker);
        Files.writeString(blocker.resolve("keep"), "x");

        // when the night runs
        JobExecution failed = nightly.runNow().orElseThrow();

        // then every step ran in order until the summaries, which failed
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(steps(failed)).extracting(StepExecution::getStepName).containsExactly("take-directory-files",
                "directory-import", "file-directory-files", "routing", "lifecycle-report", "daily-summaries");
        assertThat(steps(failed)).extracting(StepExecution::getStatus).containsExactly(BatchStatus.COMPLETED,
                BatchStatus.COMPLETED, BatchStatus.COMPLETED, BatchStatus.COMPLETED, BatchStatus.COMPLETED,
                BatchStatus.FAILED);
        assertThat(count("SELECT COUNT(*) FROM directory_current")).isOne();
        assertThat(list(dataDir.resolve("directory/done"))).hasSize(1);
        assertThat(list(inbox)).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM invoice WHERE status = '03'")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM integration_refusal")).isEqualTo(1);
        assertThat(StatusReportFiles.lifecycleReports(dataDir.resolve("mailboxes/FOU001/out"))).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM invoice_status_history WHERE lifecycle_report_id IS NULL")).isZero();

        // when the cause is removed and the night is run again the same day
        Files.delete(blocker.resolve("keep"));
        Files.delete(blocker);
        JobExecution restarted = nightly.runNow().orElseThrow();

        // then the same night is resumed: only the failed step runs, routing and reports are not run again
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(steps(restarted)).extracting(StepExecution::getStepName).containsExactly("daily-summaries");
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'routing'")).isOne();
        assertThat(blocker).isRegularFile();

        // and the recipient's summary says what the database says
        Path summary = dataDir.resolve("mailboxes/COL001/out/tableau-de-bord-" + today() + ".csv");
        assertSummaryMatchesDatabase(summary);

        // when the night runs a second time the same day, it is a new run and the summary is replaced
        JobExecution second = nightly.runNow().orElseThrow();
        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.getJobInstance().getInstanceId()).isNotEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(steps(second)).extracting(StepExecution::getStepName)
                .containsExactly("take-directory-files", "routing", "lifecycle-report", "daily-summaries");
        assertSummaryMatchesDatabase(summary);
        assertThat(list(summary.getParent()).stream().map(p -> p.getFileName().toString())
                .filter(n -> n.startsWith(".") || n.endsWith(".tmp"))).isEmpty();
    }

    private void assertSummaryMatchesDatabase(Path summary) throws Exception {
        List<CSVRecord> rows;
        try (var parser = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(summary, StandardCharsets.UTF_8)))) {
            rows = parser.getRecords();
        }
        // counts and amounts by status, from the invoices themselves
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal> amounts = new TreeMap<>();
        jdbc.query("SELECT i.status, d.total_with_vat FROM invoice i JOIN flow_document d ON d.flow_id = i.flow_id"
                + " AND d.doc_rank = i.doc_rank WHERE i.recipient_siret = ?", rs -> {
                    counts.computeIfAbsent(rs.getString(1), s -> new long[1])[0]++;
                    amounts.merge(rs.getString(1), rs.getBigDecimal(2), BigDecimal::add);
                }, BELLERIVE);
        List<CSVRecord> byStatus = rows.stream().filter(r -> r.get("rubrique").equals("STATUT")).toList();
        assertThat(byStatus).extracting(r -> r.get("statut")).containsExactlyElementsOf(counts.keySet());
        for (CSVRecord row : byStatus) {
            assertThat(Long.parseLong(row.get("nombre"))).isEqualTo(counts.get(row.get("statut"))[0]);
            assertThat(row.get("montant_ttc"))
                    .isEqualTo(amounts.get(row.get("statut")).setScale(2, RoundingMode.HALF_UP).toPlainString());
            assertThat(row.get("devise")).isEqualTo("EUR");
        }
        // then the two invoices waiting longest in a status that is not final
        record Waiting(String id, Instant since) {
        }
        List<String> oldest = jdbc.query("SELECT invoice_id, status_changed_at FROM invoice WHERE recipient_siret = ?"
                        + " AND status NOT IN ('04', '05', '11')",
                        (rs, i) -> new Waiting(rs.getString(1), rs.getTimestamp(2).toInstant()), BELLERIVE).stream()
                .sorted(Comparator.comparing(Waiting::since).thenComparing(Waiting::id)).limit(2).map(Waiting::id).toList();
        assertThat(rows.stream().filter(r -> r.get("rubrique").equals("ATTENTE")).map(r -> r.get("id_facture")))
                .containsExactlyElementsOf(oldest);
    }

    private static String today() {
        return NIGHT.toString();
    }

    private static List<StepExecution> steps(JobExecution execution) {
        return execution.getStepExecutions().stream().sorted(Comparator.comparingLong(StepExecution::getId)).toList();
    }

    private static void settled(Path file) throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
    }

    private void deposit(String name, byte[] invoice) {
        SampleInvoices.drop(dataDir.resolve("mailboxes/FOU001/in"), name, invoice);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM flow WHERE original_name = ? AND stage = 'REPORTED'", Long.class, name) == 1);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static List<Path> list(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

}
