package org.achemine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.achemine.api.EngineAddress;
import org.achemine.batch.JobHistory.JobRun;
import org.achemine.partner.RegisteredPartner;
import org.achemine.report.InvoiceQueries.FlowDetail;
import org.achemine.report.InvoiceQueries.FlowFilter;
import org.achemine.report.InvoiceQueries.FlowSummary;
import org.achemine.report.InvoiceQueries.InvoiceDetail;
import org.achemine.report.InvoiceQueries.InvoiceFilter;
import org.achemine.report.InvoiceQueries.InvoiceSummary;
import org.achemine.report.InvoiceQueries.RefusalDetail;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read-only commands' questions asked of the engine running on the data folder, through its read API: the
 * engine holds the H2 file, and answers with the same records the database gives a stopped engine's commands.
 * Plain HTTP on the loopback through {@link HttpURLConnection}: {@code java.net.http.HttpClient} sets up TLS as it
 * is built (~350 classes), a tenth of a query's start-up for nothing.
 */
final class RunningEngine implements CommandQueries {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final EngineAddress address;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private RunningEngine(EngineAddress address) {
        this.address = address;
    }

    /**
     * An engine running on this data folder, if an address is there and it answers (several engines: the first
     * that answers); an address a crash left behind (nothing listening) gives none, and the command reads the
     * database.
     */
    static Optional<RunningEngine> on(Path dataFolder) {
        for (EngineAddress address : EngineAddress.readAll(dataFolder)) {
            Optional<RunningEngine> engine = answering(dataFolder, new RunningEngine(address));
            if (engine.isPresent()) {
                return engine;
            }
        }
        return Optional.empty();
    }

    private static Optional<RunningEngine> answering(Path dataFolder, RunningEngine engine) {
        try {
            engine.get("/flows?size=1");
            return Optional.of(engine);
        } catch (ConnectException | ConnectTimeout nobodyThere) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CommandFailure("Le moteur de " + dataFolder + " ne répond pas correctement (" + e.getMessage()
                    + ") : vérifiez son journal, ou arrêtez-le pour lire la base directement", e);
        }
    }

    @Override
    public Optional<InvoiceDetail> invoice(String invoiceId) {
        return one("/invoices/" + encode(invoiceId), InvoiceDetail.class);
    }

    @Override
    public Optional<RefusalDetail> refusal(String invoiceId) {
        return one("/refusals/" + encode(invoiceId), RefusalDetail.class);
    }

    @Override
    public List<InvoiceSummary> list(InvoiceFilter filter) {
        List<String> query = new ArrayList<>();
        add(query, "supplier", filter.supplier());
        add(query, "recipient", filter.recipient());
        add(query, "status", filter.status());
        add(query, "since", filter.since());
        add(query, "waiting", filter.waitingOnly());
        add(query, "refused", filter.refused());
        add(query, "limit", filter.limit());
        add(query, "environment", filter.environment());
        return all("/invoices?" + String.join("&", query), InvoiceSummary.class);
    }

    @Override
    public List<FlowSummary> flows(FlowFilter filter) {
        List<String> query = new ArrayList<>();
        add(query, "partner", filter.partner());
        add(query, "state", filter.state());
        add(query, "stage", filter.stage());
        add(query, "since", filter.since());
        add(query, "environment", filter.environment());
        add(query, "page", filter.page());
        add(query, "size", filter.size());
        return all("/flows?" + String.join("&", query), FlowSummary.class);
    }

    @Override
    public Optional<FlowDetail> flow(String flowId) {
        return one("/flows/" + encode(flowId), JsonNode.class)
                .map(found -> json.treeToValue(found.path("flow"), FlowDetail.class));
    }

    @Override
    public List<JobRun> jobs(int limit) {
        return all("/jobs?limit=" + limit, JobRun.class);
    }

    @Override
    public List<RegisteredPartner> partners() {
        return all("/partners", RegisteredPartner.class);
    }

    private <T> List<T> all(String path, Class<T> type) {
        return json.readValue(body(path), json.getTypeFactory().constructCollectionType(List.class, type));
    }

    private <T> Optional<T> one(String path, Class<T> type) {
        Response response = request(path);
        if (response.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(json.readValue(checked(path, response), type));
    }

    private String body(String path) {
        return checked(path, request(path));
    }

    private String checked(String path, Response response) {
        if (response.status() != 200) {
            throw new CommandFailure("Le moteur a répondu " + response.status() + " à " + path
                    + " : vérifiez son journal");
        }
        return response.body();
    }

    private Response request(String path) {
        try {
            return get(path);
        } catch (IOException e) {
            throw new CommandFailure("Le moteur ne répond plus (" + e.getMessage() + ") : relancez la commande", e);
        }
    }

    private Response get(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(address.baseUrl() + path).toURL()
                .openConnection(Proxy.NO_PROXY); // the engine on this machine, whatever proxy the JVM is given
        try {
            connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) TIMEOUT.toMillis());
            connection.setRequestProperty("Authorization", "Bearer " + address.token());
            connection.setRequestProperty("Accept", "application/json");
            try {
                connection.connect();
            } catch (SocketTimeoutException nobodyAnswered) {
                throw new ConnectTimeout(nobodyAnswered);
            }
            int status = connection.getResponseCode();
            try (InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                return new Response(status, body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
        } finally {
            connection.disconnect();
        }
    }

    private record Response(int status, String body) {
    }

    /** Nothing accepted the connection in time: an address a stopped engine left, as a refused connection is. */
    private static final class ConnectTimeout extends IOException {
        ConnectTimeout(SocketTimeoutException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static void add(List<String> query, String name, Object value) {
        if (value != null) {
            query.add(name + "=" + encode(value.toString()));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
