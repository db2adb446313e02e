package org.achemine.channel.as2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.helger.as2lib.client.AS2ClientResponse;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.achemine.cli.AchemineCommand;
import org.achemine.testing.EngineProcess;
import org.achemine.testing.SampleInvoices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine (a JVM of its own, {@code run} with AS2 on) is killed with SIGKILL while a supplier's AS2 system
 * sends it messages back to back, then started again; the supplier resends whatever got no receipt, under the
 * same Message-ID, as AS2 systems do. Every message ends as exactly one file and one flow, and gets a
 * processed receipt with the right MIC.
 */
class As2CrashIT {

    private static final int MESSAGES = 12;
    static final TestKeys OURS = TestKeys.valid("achemine");
    static final TestKeys SUPPLIER = TestKeys.valid("fou001");

    @TempDir
    Path work;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void killedWhileReceivingEveryMessageIsOneFlowAndGetsItsReceipt() throws Exception {
        // given our keys, the supplier's AS2 connection and the engine listening on a free port
        Path dataDir = work.resolve("data");
        String data = "--achemine.data-dir=" + dataDir;
        connectSupplier(data, dataDir, "http://127.0.0.1:9/as2");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String[] run = {"run", data, "--server.port=" + port, "--achemine.as2.enabled=true",
                "--achemine.directory.watch=false", "--achemine.intake.poll-interval=100ms",
                "--achemine.intake.read-lock-interval=300ms"};
        Process first = start("engine-1", run);
        awaitListening(port);

        // when the supplier sends its messages back to back and the engine is killed after a few receipts
        PartnerAs2Client client = new PartnerAs2Client(SUPPLIER, "FOU001-AS2", OURS.certificate(),
                "http://127.0.0.1:" + port + "/as2");
        Map<Integer, String> receipts = new ConcurrentHashMap<>();
        AtomicInteger failedAttempts = new AtomicInteger();
        CompletableFuture<Integer> kill = CompletableFuture.supplyAsync(() -> {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(5)).until(() -> receipts.size() >= 3);
            first.destroyForcibly();
            try {
                first.waitFor(30, TimeUnit.SECONDS);
                start("engine-2", run);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return first.exitValue();
        });
        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (int i = 0; i < MESSAGES; i++) {
                if (receipts.containsKey(i)) {
                    continue;
                }
                AS2ClientResponse response = client.send("crash-" + i + ".xml",
                        SampleInvoices.ubl("F-AS2-CRASH-" + i, "21690012600014", "SCE-TECH-042", null),
                        "crash-" + i + "@FOU001-AS2", null);
                if (response.hasException() || !Receipts.PROCESSED.equals(response.getMDNDisposition())
                        || !Boolean.TRUE.equals(client.micMatched())) {
                    failedAttempts.incrementAndGet();
                    return false; // the engine is down: the supplier's system tries again later
                }
                receipts.put(i, response.getMDNDisposition());
            }
            return true;
        });

        // then the kill was a SIGKILL that interrupted the sending, and every message got its receipt
        assertThat(kill.get(1, TimeUnit.MINUTES)).as("exit status of the killed engine").isEqualTo(137);
        assertThat(failedAttempts.get()).isPositive();
        assertThat(receipts).hasSize(MESSAGES);

        // and, once every flow is reported, each message is exactly one file, one flow
        Path reports = dataDir.resolve("mailboxes/FOU001/out");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300))
                .until(() -> count(reports, ".cr.xml") >= MESSAGES);
        processes.get(processes.size() - 1).destroy();
        assertThat(processes.get(processes.size() - 1).waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(count(reports, ".cr.xml")).isEqualTo(MESSAGES);
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db/achemine"), "sa", "")) {
            assertThat(single(db, "SELECT COUNT(*) FROM flow")).isEqualTo(MESSAGES);
            assertThat(single(db, "SELECT COUNT(DISTINCT original_name) FROM flow")).isEqualTo(MESSAGES);
            assertThat(single(db, "SELECT COUNT(*) FROM as2_received")).isEqualTo(MESSAGES);
        }
        try (Stream<Path> left = Files.list(dataDir.resolve("mailboxes/FOU001/in"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void killedBetweenSendingAndTheReceiptThePushIsResentUnderItsMessageIdAndAcknowledged() throws Exception {
        // given the supplier connected over AS2 to its server, which keeps the first message but holds its receipt
        Path dataDir = work.resolve("data");
        String data = "--achemine.data-dir=" + dataDir;
        try (PartnerAs2Server server = new PartnerAs2Server(SUPPLIER, OURS.certificate())) {
            server.firstArrived = new java.util.concurrent.CountDownLatch(1);
            connectSupplier(data, dataDir, server.url());
            String[] run = {"run", data, "--server.port=0", "--achemine.as2.enabled=true",
                    "--achemine.as2.outbox-interval=200ms", "--achemine.as2.retry-first=500ms",
                    "--achemine.directory.watch=false", "--achemine.intake.poll-interval=100ms",
                    "--achemine.intake.read-lock-interval=300ms"};
            Process first = start("engine-1", run);

            // when a deposit report is pushed and the engine is killed before the receipt comes back
            SampleInvoices.drop(Files.createDirectories(dataDir.resolve("mailboxes/FOU001/in")), "facture-push.xml",
                    SampleInvoices.ubl("F-AS2-PUSH-KILL", "21690012600014", "SCE-TECH-042", null));
            assertThat(server.firstArrived.await(5, TimeUnit.MINUTES)).isTrue();
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).as("exit status of the killed engine").isEqualTo(137);
            String held = server.requests.get(0);
            assertThat(server.answered).doesNotContain(held);
            server.release.countDown();

            // and started again
            Process second = start("engine-2", run);

            // then it sends that file again under the same Message-ID, the server keeps it once and acknowledges it
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(300))
                    .until(() -> server.answered.contains(held));
            assertThat(server.requests.stream().filter(held::equals).count()).isGreaterThanOrEqualTo(2);
            // the first file published for the flow is its official deposit report (CPPStatut, before the detailed one)
            String heldFile = server.byMessageId.get(held).fileName();
            assertThat(heldFile).matches("FSO\\d{4}A_ACH001_ACH001\\d+\\.xml");
            // the engine records the acknowledgement once it has checked the receipt (its audit line says so)
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() ->
                    Files.readString(work.resolve("engine-2.log")).contains("AS2 PUSHED partner=FOU001 from=FOU001-AS2"
                            + " message=" + held));
            second.destroy();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db/achemine"), "sa", "")) {
                assertThat(single(db, "SELECT COUNT(*) FROM as2_outbox WHERE message_id = '"
                        + held.substring(1, held.length() - 1) + "' AND state = 'ACKNOWLEDGED'")).isEqualTo(1);
                assertThat(single(db, "SELECT COUNT(*) FROM publication WHERE file_name = '" + heldFile + "'"))
                        .isEqualTo(1);
            }
        }
    }

    /** Our keystore in the data folder, and the supplier's AS2 connection registered by the command. */
    private void connectSupplier(String data, Path dataDir, String url) throws Exception {
        OURS.writeAsEngineKeystore(dataDir.resolve("as2/keystore.p12"), "achemine");
        Path certificate = Files.write(work.resolve("fou001.pem"), SUPPLIER.pem());
        assertThat(AchemineCommand.commandLine().execute("partner", "as2", "set", "FOU001", "--as2-id",
                "FOU001-AS2", "--url", url, "--certificate", certificate.toString(), data)).isZero();
    }

    private Process start(String name, String... args) throws Exception {
        Process process = EngineProcess.start(work.resolve(name + ".log"), args);
        processes.add(process);
        return process;
    }

    private static void awaitListening(int port) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private static long single(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(Path folder, String suffix) throws Exception {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
        }
    }
}
