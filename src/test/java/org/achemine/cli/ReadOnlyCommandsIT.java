package org.achemine.cli;

import static org.achemine.testing.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.achemine.AchemineApplication;
import org.achemine.batch.JobHistory;
import org.achemine.batch.JobHistory.JobRun;
import org.achemine.partner.PartnerRegistry;
import org.achemine.partner.RegisteredPartner;
import org.achemine.report.InvoiceQueries;
import org.achemine.testing.Commands.Run;
import org.achemine.testing.DemoEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read-only commands (issue 16, part 5) read the database with nothing else started: they print what the same
 * command printed when it started the whole application, and a JVM running one loads no Spring context, Camel or
 * Batch class; neither does {@code validate}.
 */
class ReadOnlyCommandsIT {

    @TempDir
    static Path work;

    static Path dataDir;
    static String data;

    @BeforeAll
    static void demoDataFolder() throws Exception {
        dataDir = DemoEngine.demoDataFolder(work);
        data = "--achemine.data-dir=" + dataDir;
    }

    @Test
    void jobAndPartnerListsPrintWhatTheyPrintedFromTheStartedApplication() throws Exception {
        // when job list, partner list and flow list read the database alone
        List<Run> fast = List.of(run("job", "list", data), run("partner", "list", data), run("flow", "list", data));

        // then they print line for line what the same commands print from the started application's beans (their
        // path before issue 16: the engine's configuration, migrations and partners declared at start-up)
        List<String> started;
        try (ConfigurableApplicationContext context = SpringContexts.start(OneShotCommand.PROPERTIES, List.of(data))) {
            CommandQueries beans = new ApplicationBeans(context);
            started = List.of(printed(new JobCommand.ListJobs(), beans), printed(new PartnerCommand.ListPartners(), beans),
                    printed(new FlowCommand.ListFlows(), beans));
        }
        assertThat(fast).extracting(Run::exitCode).containsOnly(0);
        assertThat(fast).extracting(Run::out).containsExactlyElementsOf(started);
        assertThat(fast.get(0).out()).contains("routing").contains("COMPLETED");
        assertThat(fast.get(1).out()).containsPattern("COL001 +RECIPIENT +ACTIVE +CONFIG");
    }

    @Test
    void readOnlyCommandsAndValidateStartNoSpringContextCamelOrBatch() throws Exception {
        for (List<String> command : List.of(List.of("invoice", "list", data), List.of("job", "list", data),
                List.of("partner", "list", data), List.of("partner", "key", "list", "COL001", data),
                List.of("sftp", "audit", data), List.of("as2", "audit", data), List.of("as2", "outbox", data),
                List.of("validate", "samples/ubl/invoice-valid.xml"))) {
            // when the command runs in a JVM of its own, as an operator types it, every class load logged
            String classes = classesLoaded(command);

            // then it did its work without an application context, Camel, Flyway or a job repository (the
            // interfaces its command classes name may load: picocli reads the command's class)
            assertThat(classes).as("%s", command).contains("org.achemine.cli.")
                    .doesNotContain("org.springframework.context.support.AbstractApplicationContext source")
                    .doesNotContain("org.springframework.boot.SpringApplication source")
                    .doesNotContain("org.apache.camel.").doesNotContain("org.flywaydb.")
                    .doesNotContain("org.springframework.batch.core.repository.support.");
        }
    }

    @Test
    void as2OutboxListsWhatWaitsReadingTheDatabaseAlone() throws Exception {
        // given an outbox holding two files waiting (one tried and failed, one not sent yet) and one acknowledged
        Instant due = Instant.parse("2026-12-07T09:30:00Z");
        try (QueryDatabase database = QueryDatabase.open(List.of(data))) {
            JdbcTemplate jdbc = database.jdbc();
            outboxItem(jdbc, "attente-1.cr.xml", "WAITING", 3, due, "HTTP 503 du partenaire");
            outboxItem(jdbc, "attente-2.cr.xml", "WAITING", 0, due.plusSeconds(60), null);
            outboxItem(jdbc, "acquitte.cr.xml", "ACKNOWLEDGED", 1, due, null);
        }

        // when an operator asks what waits, engine stopped (one connection, no application started)
        Run outbox = run("as2", "outbox", data);

        // then it prints, as when it started the application, the counts, then each file waiting with its attempts
        assertThat(outbox.exitCode()).as(outbox.err()).isZero();
        assertThat(outbox.out()).isEqualTo("2 en attente, 1 acquittés%n"
                + "COL001  %-50s  essais 3  prochain %s  HTTP 503 du partenaire%n"
                + "COL001  %-50s  essais 0  prochain %s  (pas encore envoyé)%n", "attente-1.cr.xml",
                QueryOutput.time(due), "attente-2.cr.xml", QueryOutput.time(due.plusSeconds(60)));
    }

    private static void outboxItem(JdbcTemplate jdbc, String fileName, String state, int attempts, Instant next,
                                   String lastError) {
        String sha256 = String.format("%064x", fileName.hashCode() & 0xffffffffL);
        jdbc.update("INSERT INTO as2_outbox (partner_code, file_name, kind, sha256, size_bytes, message_id, state,"
                        + " attempts, next_attempt_at, last_error, created_at) VALUES ('COL001', ?, 'DEPOSIT_REPORT',"
                        + " ?, 100, ?, ?, ?, ?, ?, ?)", fileName, sha256, fileName + "@achemine", state, attempts,
                Timestamp.from(next), lastError, Timestamp.from(next));
    }

    private static String classesLoaded(List<String> args) throws Exception {
        Path log = Files.createTempFile(work, "classes", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                AchemineApplication.class.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("command.out").toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(work.resolve("command.out"))).isZero();
        return Files.readString(log);
    }

    private static String printed(QueryCommand command, CommandQueries queries) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            // the commands' defaults, as picocli sets them
            new picocli.CommandLine(command).parseArgs();
            assertThat(command.run(queries)).isZero();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The answers of the started application's own beans (invoices and flows: the API's query class on its database). */
    private static final class ApplicationBeans extends InvoiceQueries implements CommandQueries {

        private final ConfigurableApplicationContext context;

        ApplicationBeans(ConfigurableApplicationContext context) {
            super(context.getBean(JdbcTemplate.class));
            this.context = context;
        }

        @Override
        public List<JobRun> jobs(int limit) {
            return context.getBean(JobHistory.class).recent(limit);
        }

        @Override
        public List<RegisteredPartner> partners() {
            return context.getBean(PartnerRegistry.class).registered();
        }
    }
}
