package org.achemine.cli;

import static org.achemine.testing.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.achemine.api.EngineAddress;
import org.achemine.testing.Commands.Run;
import org.achemine.testing.DemoEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The query commands while {@code run} holds the H2 file (another JVM): they ask the engine's read API and print
 * exactly what they print on the stopped engine's database; and the API itself with plain HTTP calls: login
 * required, roles, files served only where the database recorded them, health open.
 */
class QueriesOnRunningEngineIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    static Path dataDir;
    static Process engine;
    static String base;
    static String data;
    static String invoiceId;
    static String flowId;
    static String refusedId;
    /** What the commands printed on the stopped engine's database: list, show, show refused, flows, jobs, partners. */
    static List<Run> onDatabase;

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void demoThenEngine() throws Exception {
        dataDir = DemoEngine.demoDataFolder(work);
        data = "--achemine.data-dir=" + dataDir;
        Run list = run("invoice", "list", "--status", "03", data);
        assertThat(list.exitCode()).as(list.err()).isZero();
        invoiceId = list.out().lines().skip(1).findFirst().orElseThrow().split(" ")[0];
        flowId = invoiceId.substring(0, invoiceId.indexOf('-'));
        Run refused = run("invoice", "list", "--refused", data);
        refusedId = refused.out().lines().skip(1).findFirst().orElseThrow().split(" ")[0];
        onDatabase = queries();
        assertThat(Files.exists(EngineAddress.file(dataDir))).isFalse();

        engine = DemoEngine.start(dataDir, work.resolve("engine.log"));
        base = DemoEngine.baseUrl(dataDir);
    }

    @AfterAll
    static void stopEngine() throws Exception {
        if (engine != null) {
            DemoEngine.stop(engine);
            // when the engine stops, then it takes its address away: the commands read the database again
            assertThat(EngineAddress.file(dataDir)).doesNotExist();
        }
    }

    private static List<Run> queries() {
        return List.of(run("invoice", "list", data), run("invoice", "show", invoiceId, data),
                run("invoice", "show", refusedId, data), run("flow", "show", flowId, data), run("flow", "list", data),
                run("job", "list", data), run("partner", "list", data));
    }

    @Test
    void queryCommandsPrintTheSameWhileTheEngineRuns() {
        // given the engine running on the folder (it holds the H2 file: a command opening it would be refused)
        assertThat(engine.isAlive()).isTrue();

        // when the same query commands run, then they answer through the engine, line for line the same
        List<Run> onEngine = queries();

        assertThat(onEngine).extracting(Run::exitCode).containsOnly(0);
        assertThat(onEngine).extracting(Run::out).containsExactlyElementsOf(onDatabase.stream().map(Run::out).toList());
        assertThat(onEngine.get(1).out()).contains("Facture " + invoiceId).contains("01 Déposée");
        // and an unknown invoice is still a clear exit 1
        Run unknown = run("invoice", "show", "NOPE-1", data);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("Facture inconnue : NOPE-1");
    }

    @Test
    void theApiNeedsALoginAndAnswersTheViewer() throws Exception {
        // when asking without credentials, then 401 (not the login page), with a wrong password too
        assertThat(get("/api/v1/invoices", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/invoices", basic(DemoEngine.VIEWER, "faux")).statusCode()).isEqualTo(401);
        // and the console sends to its login page
        assertThat(get("/console", null).statusCode()).isEqualTo(302);
        // but health stays open
        assertThat(get("/actuator/health", null).body()).contains("\"status\"");

        String viewer = basic(DemoEngine.VIEWER, DemoEngine.VIEWER_PASSWORD);
        // when the viewer lists invoices, then JSON records, the delivered one among them
        JsonNode invoices = json(get("/api/v1/invoices?status=03&limit=10", viewer));
        assertThat(invoices.isArray()).isTrue();
        assertThat(invoices.valueStream().map(i -> i.path("invoiceId").asString())).contains(invoiceId);
        assertThat(invoices.valueStream().map(i -> i.path("status").asString())).containsOnly("03");

        // and one invoice comes with its full history: recorded times, declared ones when declared
        JsonNode invoice = json(get("/api/v1/invoices/" + invoiceId, viewer));
        assertThat(invoice.path("history").valueStream().map(c -> c.path("status").asString()))
                .startsWith("01", "02", "03");
        assertThat(invoice.path("history").get(0).path("changedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(invoice.path("history").get(0).has("declaredAt")).isTrue();
        assertThat(get("/api/v1/invoices/" + refusedId, viewer).statusCode()).isEqualTo(404);
        assertThat(json(get("/api/v1/refusals/" + refusedId, viewer)).path("reformStatus").asString()).isEqualTo("213");

        // and flows are listed a page at a time, newest first
        JsonNode page0 = json(get("/api/v1/flows?size=2&page=0", viewer));
        JsonNode page1 = json(get("/api/v1/flows?size=2&page=1", viewer));
        assertThat(page0.size()).isEqualTo(2);
        assertThat(page1.get(0).path("receivedAt").asString())
                .isLessThanOrEqualTo(page0.get(1).path("receivedAt").asString());
        assertThat(json(get("/api/v1/flows?state=IN_REJETE", viewer)).valueStream()
                .map(f -> f.path("flowState").asString())).isNotEmpty().containsOnly("IN_REJETE");

        // and a flow comes with its documents and its findings with their French messages (from its report)
        String batch = refusedId.substring(0, refusedId.indexOf('-'));
        JsonNode flow = json(get("/api/v1/flows/" + batch, viewer));
        assertThat(flow.path("flow").path("documents").size()).isEqualTo(4);
        assertThat(flow.path("findings").valueStream().filter(f -> f.path("code").asString().equals("XSD_INVALIDE")))
                .isNotEmpty().allMatch(f -> f.path("message").asString().startsWith("Non conforme au schéma")
                        && f.path("rank").asInt() == 3);

        // and the files: the original byte for byte, the reports as XML
        HttpResponse<byte[]> original = HTTP.send(request("/api/v1/flows/" + flowId + "/original", viewer).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(original.body())))
                .isEqualTo(json(get("/api/v1/flows/" + flowId, viewer)).path("flow").path("sha256").asString());
        assertThat(get("/api/v1/flows/" + flowId + "/report", viewer).body()).contains("<IdFlux>" + flowId);
        assertThat(get("/api/v1/flows/" + flowId + "/integration-report", viewer).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/invoices/" + invoiceId + "/delivered", viewer).statusCode()).isEqualTo(200);
        // and nothing outside what the database recorded for an id
        assertThat(get("/api/v1/flows/..%2F..%2Fdb/original", viewer).statusCode()).isIn(400, 404);
        assertThat(get("/api/v1/flows/NOPE/report", viewer).statusCode()).isEqualTo(404);

        // and jobs, partners, the directory, parked flows
        assertThat(json(get("/api/v1/jobs", viewer)).valueStream().map(j -> j.path("jobName").asString()))
                .contains("routing");
        assertThat(json(get("/api/v1/partners", viewer)).valueStream()
                .map(p -> p.path("partner").path("code").asString())).contains("FOU001", "COL001");
        assertThat(json(get("/api/v1/directory/structures/21690012600014", viewer)).path("services").size())
                .isPositive();
        assertThat(get("/api/v1/directory/structures/00000000000000", viewer).statusCode()).isEqualTo(404);
        assertThat(json(get("/api/v1/flows/parked", viewer)).isArray()).isTrue();
    }

    private static HttpResponse<String> get(String path, String authorization) throws Exception {
        return HTTP.send(request(path, authorization).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
