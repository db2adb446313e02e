package org.achemine.qualification;

import static org.achemine.testing.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.achemine.AchemineApplication;
import org.achemine.api.EngineAddress;
import org.achemine.console.ConsoleQueries;
import org.achemine.console.Dashboard;
import org.achemine.console.Dashboard.StatusCount;
import org.achemine.directory.DirectoryImporter;
import org.achemine.testing.Commands.Run;
import org.achemine.testing.SampleDirectory;
import org.achemine.testing.SampleInvoices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17, part 5: the same invoice dropped by FOU001 in its production {@code in/} and in its qualification
 * {@code qualif/in/}, on the whole engine (Camel intake, routing and lifecycle-report jobs launched by their own
 * triggers, H2 file, its read API on a free port of 127.0.0.1). Both are answered alike, each in its own
 * {@code out/}; only the production one is delivered to COL001; a status file never crosses from one environment
 * to the other; the counts of the API, the console's dashboard, the metrics and the CLI keep them apart; then
 * {@code verify --drained} finds the data folder clean.
 */
class QualificationMailboxIT {

    private static final String BELLERIVE = "21690012600014";
    private static final String NUMBER = "FA-2026-QUALIF-1";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;

    @Test
    void theSameFlowInQualificationAndProductionIsAnsweredAlikeButOnlyProductionIsDeliveredAndCounted() throws Exception {
        Path mailboxes = dataDir.resolve("mailboxes");
        String production;
        String qualification;
        try (ConfigurableApplicationContext engine = new SpringApplicationBuilder(AchemineApplication.class).run(
                "--achemine.data-dir=" + dataDir, "--spring.main.web-application-type=servlet", "--server.port=0",
                "--achemine.directory.watch=false", "--achemine.intake.poll-interval=100ms",
                "--achemine.intake.read-lock-interval=200ms", "--achemine.routing.trigger-delay=300ms",
                "--achemine.lifecycle.trigger-delay=300ms", "--achemine.delivery.durable=false")) {
            JdbcTemplate jdbc = engine.getBean(JdbcTemplate.class);
            SampleDirectory.importInto(engine.getBean(DirectoryImporter.class), dataDir);

            // given each partner's qualification mailbox, made with its mailbox
            assertThat(mailboxes.resolve("FOU001/qualif/in")).isDirectory();
            assertThat(mailboxes.resolve("COL001/qualif/out")).isDirectory();

            // when FOU001 drops the same invoice in production and in qualification
            byte[] invoice = SampleInvoices.ubl(NUMBER, BELLERIVE, "SCE-TECH-042", "1300045678");
            SampleInvoices.drop(mailboxes.resolve("FOU001/in"), "facture.xml", invoice);
            SampleInvoices.drop(mailboxes.resolve("FOU001/qualif/in"), "facture.xml", invoice);

            // then each is answered in its own out/ with the same verdict, and both pass routing's checks
            Path productionReport = awaitOne(mailboxes.resolve("FOU001/out"), "_facture.xml.cr.xml");
            Path qualificationReport = awaitOne(mailboxes.resolve("FOU001/qualif/out"), "_facture.xml.cr.xml");
            assertThat(Files.readString(productionReport)).contains("<Etat>IN_INTEGRE</Etat>");
            assertThat(Files.readString(productionReport)).doesNotContain("<Environnement>");
            assertThat(Files.readString(qualificationReport)).contains("<Environnement>qualification</Environnement>")
                    .contains("<Etat>IN_INTEGRE</Etat>")
                    .doesNotContain("ADM_CONTENU_DEJA_RECU"); // each environment is its own history
            await().atMost(PATIENCE).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE invoice_number = ?",
                    Integer.class, NUMBER) == 2);
            production = jdbc.queryForObject("SELECT invoice_id FROM invoice WHERE invoice_number = ? AND qualification = FALSE",
                    String.class, NUMBER);
            qualification = jdbc.queryForObject("SELECT invoice_id FROM invoice WHERE invoice_number = ? AND qualification = TRUE",
                    String.class, NUMBER);

            // and the production invoice is delivered to COL001 (03), the qualification one to nobody: it ends
            // accepted in qualification (01), its integration report saying so; neither is a duplicate of the other
            assertThat(awaitOne(mailboxes.resolve("COL001/out"), "ACH")).satisfies(
                    delivered -> assertThat(delivered.getFileName().toString()).contains(production));
            assertThat(jdbc.queryForObject("SELECT status FROM invoice WHERE invoice_id = ?", String.class, production))
                    .isEqualTo("03");
            assertThat(jdbc.queryForList("SELECT status || ' ' || COALESCE(recipient_siret, '-') || ' '"
                    + " || COALESCE(delivery_path, '-') FROM invoice WHERE invoice_id = ?", String.class, qualification))
                    .containsExactly("01 - -");
            assertThat(Files.readString(awaitOne(mailboxes.resolve("FOU001/qualif/out"), "_facture.xml.integration.xml")))
                    .contains(qualification).contains("<Code>01</Code>").contains("jamais transmise au destinataire")
                    .contains("<Environnement>qualification</Environnement>");
            assertThat(Files.readString(awaitOne(mailboxes.resolve("FOU001/out"), "_facture.xml.integration.xml")))
                    .contains(production).contains("<Code>03</Code>").doesNotContain("qualification");
            // (each environment's lifecycle report in its own out/: 01 alone in qualification, 01 02 03 in production)
            awaitOne(mailboxes.resolve("FOU001/qualif/out"), "FEN1200A_");
            awaitOne(mailboxes.resolve("FOU001/out"), "FEN1200A_");
            assertThat(Files.readString(awaitOne(mailboxes.resolve("FOU001/qualif/out"), "FEN1200A_")))
                    .contains(NUMBER).doesNotContain("<IdStatut>03</IdStatut>");
            assertThat(listed(mailboxes.resolve("COL001/qualif/out"))).isEmpty();

            // when COL001 drops, in its qualification mailbox, a status naming the production invoice, and in
            // production one naming the qualification invoice
            String declared = Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS).toString();
            SampleInvoices.drop(mailboxes.resolve("COL001/qualif/in"), "statut-qualif.csv", csv(production, declared));
            SampleInvoices.drop(mailboxes.resolve("COL001/in"), "statut-prod.csv", csv(qualification, declared));

            // then both are refused with the code that says why, and neither invoice changed
            assertThat(Files.readString(awaitOne(mailboxes.resolve("COL001/qualif/out"), "_statut-qualif.csv.cr.xml")))
                    .contains("<Etat>IN_REJETE</Etat>").contains("STA_AUTRE_ENVIRONNEMENT");
            assertThat(Files.readString(awaitOne(mailboxes.resolve("COL001/out"), "_statut-prod.csv.cr.xml")))
                    .contains("<Etat>IN_REJETE</Etat>").contains("STA_AUTRE_ENVIRONNEMENT");
            assertThat(jdbc.queryForList("SELECT status FROM invoice WHERE invoice_number = ? ORDER BY qualification",
                    String.class, NUMBER)).containsExactly("03", "01");

            // and the counts keep them apart: the API's, the dashboard's, the metrics
            EngineAddress address = EngineAddress.read(dataDir).orElseThrow();
            String counts = get(address, "/counts");
            assertThat(counts).contains("\"environment\":\"production\",\"flows\":2,\"flowsRefused\":1,\"invoices\":1,\"delivered\":1")
                    .contains("\"environment\":\"qualification\",\"flows\":2,\"flowsRefused\":1,\"invoices\":1,\"delivered\":0");
            assertThat(get(address, "/invoices?environment=qualification")).contains(qualification).doesNotContain(production);
            assertThat(get(address, "/invoices?environment=production")).contains(production).doesNotContain(qualification);
            Dashboard dashboard = engine.getBean(ConsoleQueries.class).today();
            assertThat(dashboard.byStatus()).extracting(StatusCount::code, StatusCount::invoices)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("03", 1L));
            assertThat(dashboard.backlog().invoicesToRoute()).isZero();
            assertThat(dashboard.qualification().invoices()).isEqualTo(1);
            assertThat(dashboard.qualification().delivered()).isZero();
            MeterRegistry metrics = engine.getBean(MeterRegistry.class);
            assertThat(metrics.get("achemine.invoices.delivered").counter().count()).isEqualTo(1.0);
            assertThat(metrics.get("achemine.qualification.invoices.routed").counter().count()).isEqualTo(1.0);

            // and the CLI, asking the running engine, shows the marker and filters on it
            Run listed = run("invoice", "list", "--environment", "qualification", "--achemine.data-dir=" + dataDir);
            assertThat(listed.exitCode()).as(listed.err()).isZero();
            assertThat(listed.out()).contains(qualification).doesNotContain(production + " ");
            assertThat(listed.out().lines().filter(line -> line.startsWith(qualification)))
                    .singleElement().asString().endsWith("qualification");
            Run shown = run("invoice", "show", qualification, "--achemine.data-dir=" + dataDir);
            assertThat(shown.out()).containsPattern("environnement\\s+qualification");
            Run flow = run("flow", "show", qualification.substring(0, qualification.indexOf('-')),
                    "--achemine.data-dir=" + dataDir);
            assertThat(flow.out()).containsPattern("environnement\\s+qualification");
            Run flows = run("flow", "list", "--environment", "qualification", "--achemine.data-dir=" + dataDir);
            assertThat(flows.out().lines().skip(1).toList()).hasSize(2)
                    .allMatch(line -> line.contains(" qualification ")).anyMatch(line -> line.endsWith("facture.xml"))
                    .anyMatch(line -> line.endsWith("statut-qualif.csv"));
            assertThat(run("invoice", "list", "--environment", "recette", "--achemine.data-dir=" + dataDir).exitCode())
                    .isEqualTo(2);
        }

        // then, engine stopped, the data folder keeps every invariant: nothing of qualification was delivered
        Run verify = run("verify", "--drained", "--achemine.data-dir=" + dataDir);
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("factures de qualification (acceptées, jamais transmises)");
        Run invoices = run("invoice", "list", "--environment", "production", "--achemine.data-dir=" + dataDir);
        assertThat(invoices.out()).contains(production).doesNotContain(qualification);
    }

    private static byte[] csv(String invoiceId, String declared) {
        return """
                id_facture;statut;date_heure;commentaire
                %s;07;%s;Service fait
                """.formatted(invoiceId, declared).getBytes(StandardCharsets.UTF_8);
    }

    private static String get(EngineAddress address, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(address.baseUrl() + path))
                .header("Authorization", "Bearer " + address.token()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** Waits until exactly one file whose name contains {@code part} is in {@code out}, and returns it. */
    private static Path awaitOne(Path out, String part) throws Exception {
        await().atMost(PATIENCE).until(() -> matching(out, part).size() == 1);
        return matching(out, part).get(0);
    }

    private static List<Path> matching(Path out, String part) throws Exception {
        return listed(out).stream().filter(f -> f.getFileName().toString().contains(part)
                && !f.getFileName().toString().startsWith(".")).toList();
    }

    private static List<Path> listed(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
