package org.achemine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.achemine.directory.DirectoryImporter;
import org.achemine.intake.DiskSpaceCondition;
import org.achemine.mailbox.Mailboxes;
import org.achemine.testing.SampleInvoices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The engine as {@code run} starts it (management port, intake, routing), seen from outside: health and
 * Prometheus over HTTP, JSON log lines, and intake pausing and resuming by itself when the disk is "full"
 * (the real free-space check, its minimum raised above the disk's free space) and when the database is
 * unavailable (H2's own {@code SET EXCLUSIVE 2} from another connection: the engine's connections are closed
 * and new ones refused until {@code SET EXCLUSIVE 0}).
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(OrderAnnotation.class)
class RunOperationsIT {

    private static final String RECIPIENT = "21690012600014";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    static ConfigurableApplicationContext engine;
    static HttpClient http = HttpClient.newHttpClient();
    static String base;

    @BeforeAll
    static void startEngine() throws Exception {
        // a Spring context another test class left open in this JVM keeps logback marked initialised, and the
        // engine would then keep that configuration instead of its JSON console: release it, as a fresh process is
        LoggingSystem.get(RunOperationsIT.class.getClassLoader()).cleanUp();
        engine = SpringContexts.start(RunCommand.PROPERTIES, List.of(
                "--achemine.data-dir=" + dataDir,
                "--server.port=0",
                "--achemine.directory.watch=false",
                "--achemine.intake.poll-interval=100ms",
                "--achemine.intake.read-lock-interval=200ms",
                "--achemine.intake.resource-check-interval=300ms",
                "--achemine.routing.trigger-delay=300ms",
                "--achemine.routing.retry-after=1s",
                "--spring.datasource.hikari.connection-timeout=1000",
                "--logging.structured.format.console=ecs"));
        base = "http://127.0.0.1:" + engine.getEnvironment().getProperty("local.server.port");
        Path samples = Files.createDirectories(dataDir.resolve("directory-samples"));
        engine.getBean(DirectoryImporter.class).importFiles(
                Files.copy(Path.of("samples/directory/structures.csv"), samples.resolve("structures.csv")),
                Files.copy(Path.of("samples/directory/services.csv"), samples.resolve("services.csv")));
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    @Order(1)
    void healthShowsMailboxesDatabaseRulesAndIntakeUp() throws Exception {
        // (Camel's readiness probe says DOWN until each mailbox has been polled once)
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/actuator/health").statusCode() == 200);
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        JsonNode components = health.path("components");
        for (String component : List.of("mailboxes", "db", "rules", "intake")) {
            assertThat(components.path(component).path("status").asString()).as(component).isEqualTo("UP");
        }
        assertThat(components.path("rules").path("details").path("ruleSets").path("EN 16931 (CEN/TC 434)").asString())
                .isEqualTo("1.3.16");
        assertThat(components.path("mailboxes").path("details").path("freeBytes").asLong()).isPositive();
        // only health and prometheus are served
        assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void metricsCountFlowsAndInvoicesAndLogsCarryTheFlowIdInJson(CapturedOutput output) throws Exception {
        // given the counters before
        String before = get("/actuator/prometheus").body();

        // when a supplier drops one valid invoice and one empty file
        Path in = dataDir.resolve("mailboxes/FOU001/in");
        SampleInvoices.drop(in, "valide.xml", SampleInvoices.ubl("F-OPS-1", RECIPIENT, "SCE-TECH-042", null));
        SampleInvoices.drop(in, "vide.xml", new byte[0]);

        // then both are reported, the invoice is delivered, and the counters moved by exactly that
        await().atMost(Duration.ofSeconds(60)).until(() -> reports("FOU001").size() == 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> delivered(RECIPIENT) == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String after = get("/actuator/prometheus").body();
            assertThat(delta(before, after, "achemine_flows_received_total")).isEqualTo(2);
            assertThat(delta(before, after, "achemine_flows_reported_total{state=\"IN_INTEGRE\"}")).isEqualTo(1);
            assertThat(delta(before, after, "achemine_flows_reported_total{state=\"IN_REJETE\"}")).isEqualTo(1);
            assertThat(delta(before, after, "achemine_invoices_routed_total{outcome=\"delivered\"}")).isEqualTo(1);
            assertThat(delta(before, after, "achemine_invoices_delivered_total")).isEqualTo(1);
            assertThat(value(after, "achemine_intake_paused")).isZero();
            assertThat(after).containsPattern(
                    "spring_batch_job_seconds_count\\{[^}]*spring_batch_job_name=\"routing\"[^}]*} [1-9]");
        });

        // and the flow's log lines are JSON objects carrying its flow id
        String flowId = reports("FOU001").stream().filter(name -> name.contains("_valide.xml"))
                .findFirst().orElseThrow().substring(0, 25);
        List<JsonNode> flowLines = output.getOut().lines().filter(line -> line.startsWith("{"))
                .map(JSON::readTree).filter(line -> flowId.equals(line.path("flowId").asString())).toList();
        assertThat(flowLines).isNotEmpty()
                .anyMatch(line -> line.path("message").asString().contains("deposit report"));
    }

    @Test
    @Order(3)
    void aFullDiskPausesIntakeAndItResumesByItselfOnceThereIsRoomAgain(CapturedOutput output) throws Exception {
        DiskSpaceCondition diskSpace = engine.getBean(DiskSpaceCondition.class);
        DataSize configured = DataSize.ofBytes(diskSpace.minimumBytes());
        try {
            // given less free space than the minimum
            diskSpace.minimum(DataSize.ofBytes(diskSpace.freeBytes() + DataSize.ofGigabytes(1).toBytes()));
            await().atMost(Duration.ofSeconds(10)).until(() -> intakeStatus().equals("DOWN"));
            HttpResponse<String> health = get("/actuator/health");
            assertThat(health.statusCode()).isEqualTo(503);
            JsonNode components = JSON.readTree(health.body()).path("components");
            assertThat(components.path("intake").path("details").path("paused").path("diskSpace").asString())
                    .contains("achemine.intake.min-free-space");
            assertThat(components.path("mailboxes").path("status").asString()).isEqualTo("DOWN");
            assertThat(value(get("/actuator/prometheus").body(), "achemine_intake_paused")).isEqualTo(1);

            // when a file is dropped, it stays in in/, untouched
            Path dropped = SampleInvoices.drop(dataDir.resolve("mailboxes/OPE001/in"), "disque.xml",
                    SampleInvoices.ubl("F-OPS-DISK", RECIPIENT, "SCE-TECH-042", null));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                    .until(() -> Files.exists(dropped) && reports("OPE001").isEmpty());
        } finally {
            // then once there is room again
            diskSpace.minimum(configured);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> reports("OPE001").size() == 1);
        assertThat(dataDir.resolve("mailboxes/OPE001/in")).isEmptyDirectory();
        await().atMost(Duration.ofSeconds(10)).until(() -> intakeStatus().equals("UP"));
        assertThat(count(output.getOut(), "Intake paused for " + dataDir)).isEqualTo(1);
        assertThat(count(output.getOut(), "Intake resumed for " + dataDir)).isEqualTo(1);
    }

    @Test
    @Order(4)
    void anUnavailableDatabasePausesIntakeAndItResumesByItselfWhenTheDatabaseIsBack(CapturedOutput output)
            throws Exception {
        String url = engine.getEnvironment().getProperty("spring.datasource.url");
        Path in = dataDir.resolve("mailboxes/FOU001/in");
        int reportsBefore = reports("FOU001").size();
        Path dropped;
        try (Connection admin = DriverManager.getConnection(url, "sa", "");
             Statement statement = admin.createStatement()) {
            // given the database refusing the engine's connections (and closing those it had)
            statement.execute("SET EXCLUSIVE 2");
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> get("/actuator/health").statusCode() == 503);
                JsonNode components = JSON.readTree(get("/actuator/health").body()).path("components");
                assertThat(components.path("db").path("status").asString()).isEqualTo("DOWN");
                await().atMost(Duration.ofSeconds(10)).until(() -> JSON.readTree(get("/actuator/health").body())
                        .path("components").path("intake").path("details").path("paused").has("database"));

                // when a file is dropped, it stays in in/, and the engine keeps running (routing polls fail quietly)
                dropped = SampleInvoices.drop(in, "base.xml",
                        SampleInvoices.ubl("F-OPS-DB", RECIPIENT, "SCE-TECH-042", null));
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                        .until(() -> Files.exists(dropped) && reports("FOU001").size() == reportsBefore);
                assertThat(engine.isActive()).isTrue();
            } finally {
                statement.execute("SET EXCLUSIVE 0");
            }
        }

        // then, the database back, the file is taken, reported and its invoice delivered
        await().atMost(Duration.ofSeconds(30)).until(() -> reports("FOU001").size() == reportsBefore + 1);
        assertThat(in).isEmptyDirectory();
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(RECIPIENT) == 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> intakeStatus().equals("UP"));
        assertThat(count(output.getOut(), "Intake paused for " + dataDir)).isEqualTo(1);
        assertThat(count(output.getOut(), "Intake resumed for " + dataDir)).isEqualTo(1);
    }

    private static String intakeStatus() throws Exception {
        return JSON.readTree(get("/actuator/health").body()).path("components").path("intake").path("status").asString();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Deposit reports in a partner's out/ (file names, flow id first). */
    private static List<String> reports(String partner) throws Exception {
        try (Stream<Path> files = Files.list(dataDir.resolve("mailboxes").resolve(partner).resolve("out"))) {
            return files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".cr.xml")).toList();
        }
    }

    private static long delivered(String siret) throws Exception {
        Path outbox = engine.getBean(Mailboxes.class).recipientOut(siret); // COL001's out/ serves this SIRET
        if (!Files.isDirectory(outbox)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> !f.getFileName().toString().startsWith(".")).count();
        }
    }

    private static double delta(String before, String after, String series) {
        return value(after, series) - value(before, series);
    }

    private static double value(String scrape, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        assertThat(line.find()).as(series + " in the scrape").isTrue();
        return Double.parseDouble(line.group(1));
    }

    private static long count(String output, String text) {
        return output.lines().filter(line -> line.contains(text)).count();
    }
}
