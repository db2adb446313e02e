package org.achemine.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.achemine.AchemineApplication;
import org.achemine.directory.DirectoryImporter;
import org.achemine.testing.AcceptedFlows;
import org.achemine.testing.EngineProcess;
import org.achemine.testing.SampleDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Issue 16's clean stop: the engine is stopped (its context closed, as SIGTERM does) while its routing launcher
 * is in the middle of a long run (and {@code job run routing} gets SIGTERM during its run). The run ends between two chunks, STOPPED, leaving no temporary file in any
 * {@code out/}; the next start routes the rest, and every invoice ends delivered exactly once with one history
 * 01, 02, 03 and every flow one integration report. Real engine, H2 file, real mailboxes.
 */
class RoutingCleanStopIT {

    private static final int FLOWS = 40;
    private static final int PER_FLOW = 50;
    private static final int INVOICES = FLOWS * PER_FLOW;
    private static final String BELLERIVE = "21690012600014";
    /** A ceiling, never a measure. */
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    @TempDir
    Path work;

    @Test
    void stoppedDuringARoutingRunItEndsBetweenChunksAndTheNextStartRoutesTheRestOnce() throws Exception {
        // given many accepted invoices waiting for routing, and the sample directory in service
        Path dataDir = work.resolve("data");
        seed(dataDir);

        // when the engine is stopped once its routing run has committed its first chunks
        ConfigurableApplicationContext engine = start(dataDir, "--achemine.routing.trigger-delay=200ms",
                "--achemine.routing.chunk-size=10");
        JdbcTemplate jdbc = engine.getBean(JdbcTemplate.class);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(5))
                .until(() -> count(jdbc, "SELECT COUNT(*) FROM invoice") > 0);
        engine.close();

        // then the run ended between two chunks, stopped, and left no temporary file
        Path mailboxes = dataDir.resolve("mailboxes");
        assertThat(temporaryFiles(mailboxes)).isEmpty();
        long routedAtStop;
        try (ConfigurableApplicationContext reader = start(dataDir, "--achemine.intake.enabled=false")) {
            JdbcTemplate db = reader.getBean(JdbcTemplate.class);
            routedAtStop = count(db, "SELECT COUNT(*) FROM invoice");
            assertThat(routedAtStop).as("invoices routed when the run stopped").isLessThan(INVOICES);
            assertThat(routedAtStop % 10).as("whole chunks only").isZero();
            assertThat(lastRoutingStatus(db)).isEqualTo("STOPPED");
            assertThat(count(db, "SELECT COUNT(*) FROM publication WHERE state = 'PENDING'")).isZero();
        }

        // and the next start routes the rest: every invoice delivered once, every flow reported once
        try (ConfigurableApplicationContext again = start(dataDir, "--achemine.routing.trigger-delay=200ms")) {
            JdbcTemplate db = again.getBean(JdbcTemplate.class);
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> count(db,
                    "SELECT COUNT(*) FROM flow WHERE integration_reported_at IS NOT NULL") == FLOWS);
            assertThat(count(db, "SELECT COUNT(*) FROM invoice WHERE status = '03'")).isEqualTo(INVOICES);
            assertThat(count(db, "SELECT COUNT(*) FROM integration_refusal")).isZero();
            Map<String, String> histories = new HashMap<>();
            db.query("SELECT invoice_id, status FROM invoice_status_history ORDER BY invoice_id, seq",
                    (RowCallbackHandler) rs -> histories.merge(rs.getString(1),
                            rs.getString(2), (before, next) -> before + "," + next));
            assertThat(histories).hasSize(INVOICES).allSatisfy((invoice, history) -> assertThat(history).isEqualTo("01,02,03"));
            List<String> paths = db.queryForList("SELECT delivery_path FROM invoice", String.class);
            assertThat(paths).doesNotHaveDuplicates().allSatisfy(path -> assertThat(Path.of(path)).exists());
            assertThat(count(db, "SELECT COUNT(*) FROM publication WHERE kind = 'DELIVERY'")).isEqualTo(INVOICES);
            assertThat(count(db, "SELECT COUNT(*) FROM publication WHERE state = 'PENDING'")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM publication WHERE kind = 'INTEGRATION_CPPSTATUT'")).isEqualTo(FLOWS);
        }
        assertThat(files(mailboxes.resolve("COL001/out"), ".xml")).isEqualTo(INVOICES);
        assertThat(temporaryFiles(mailboxes)).isEmpty();
    }

    @Test
    void aJobRunRoutingCommandStoppedBySigtermEndsBetweenChunksAndTheNextRunRoutesTheRestOnce() throws Exception {
        // given many accepted invoices waiting for routing, and the sample directory in service
        Path dataDir = work.resolve("data");
        seed(dataDir);

        // when `job run routing` gets SIGTERM once its first deliveries are out
        Path delivered = dataDir.resolve("mailboxes/COL001/out");
        Path log = work.resolve("job-run-routing.log");
        Process command = EngineProcess.start(log, "job", "run", "routing", "--achemine.data-dir=" + dataDir,
                "--achemine.routing.chunk-size=10");
        try {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(5))
                    .until(() -> Files.isDirectory(delivered) && files(delivered, ".xml") > 0);
            command.destroy();
            assertThat(command.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } finally {
            command.destroyForcibly();
        }

        // then the run ended between two chunks, STOPPED, without an interrupt closing the database
        String output = Files.readString(log);
        assertThat(output).contains("Engine stopping").doesNotContain("The database has been closed",
                "ClosedByInterruptException");
        assertThat(temporaryFiles(dataDir.resolve("mailboxes"))).isEmpty();
        try (ConfigurableApplicationContext again = start(dataDir, "--achemine.intake.enabled=false")) {
            JdbcTemplate db = again.getBean(JdbcTemplate.class);
            long routedAtStop = count(db, "SELECT COUNT(*) FROM invoice");
            assertThat(routedAtStop).as("invoices routed when the run stopped").isLessThan(INVOICES);
            assertThat(routedAtStop % 10).as("whole chunks only").isZero();
            assertThat(lastRoutingStatus(db)).isEqualTo("STOPPED");
            assertThat(count(db, "SELECT COUNT(*) FROM publication WHERE state = 'PENDING'")).isZero();

            // and the next run routes the rest: every invoice delivered once
            again.getBean(JobOperator.class).start(again.getBean("routingJob", Job.class),
                    new JobParametersBuilder().addString("run", "again").toJobParameters());
            assertThat(count(db, "SELECT COUNT(*) FROM invoice WHERE status = '03'")).isEqualTo(INVOICES);
            assertThat(count(db, "SELECT COUNT(*) FROM invoice_status_history")).isEqualTo(3L * INVOICES);
            assertThat(count(db, "SELECT COUNT(*) FROM publication WHERE kind = 'DELIVERY'")).isEqualTo(INVOICES);
        }
        assertThat(files(delivered, ".xml")).isEqualTo(INVOICES);
        assertThat(temporaryFiles(dataDir.resolve("mailboxes"))).isEmpty();
    }

    private static void seed(Path dataDir) throws Exception {
        try (ConfigurableApplicationContext setUp = start(dataDir, "--achemine.intake.enabled=false")) {
            SampleDirectory.importInto(setUp.getBean(DirectoryImporter.class), dataDir);
            AcceptedFlows.seed(setUp.getBean(JdbcTemplate.class), dataDir.resolve("archive/seeded"),
                    setUp.getBean(Clock.class), INVOICES, PER_FLOW,
                    n -> new AcceptedFlows.Document(String.format("F-STOP-%05d", n), BELLERIVE, "SCE-TECH-042", null,
                            n % 4 == 3));
        }
    }

    private static String lastRoutingStatus(JdbcTemplate db) {
        return db.queryForObject("SELECT e.status FROM batch_job_execution e JOIN batch_job_instance i"
                + " ON i.job_instance_id = e.job_instance_id WHERE i.job_name = 'routing'"
                + " ORDER BY e.job_execution_id DESC FETCH FIRST 1 ROWS ONLY", String.class);
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... settings) {
        String[] all = Stream.concat(Stream.of("--achemine.data-dir=" + dataDir, "--achemine.directory.watch=false",
                "--achemine.lifecycle.trigger-delay=1h"), Stream.of(settings)).toArray(String[]::new);
        return new SpringApplicationBuilder(AchemineApplication.class).web(WebApplicationType.NONE).run(all);
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static List<Path> temporaryFiles(Path mailboxes) throws Exception {
        try (Stream<Path> files = Files.walk(mailboxes)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    private static long files(Path folder, String suffix) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
        }
    }
}
