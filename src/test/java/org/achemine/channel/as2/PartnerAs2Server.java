package org.achemine.channel.as2;

import com.helger.as2lib.crypto.ECryptoAlgorithmSign;
import com.helger.as2lib.crypto.ICryptoHelper;
import com.helger.as2lib.util.AS2Helper;
import com.helger.as2lib.util.AS2ResourceHelper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A partner's AS2 server on 127.0.0.1 (any free port): opens what achemine pushes with as2-lib's crypto helper
 * (decrypts with its key, checks our signature), keeps each Message-ID's payload once, and answers a signed
 * receipt with the MIC of what was signed. It can refuse its first requests, as a server that is down would.
 * Shared by the AS2 tests and the soak's partners ({@code scripts/soak.sh --as2}).
 */
public final class PartnerAs2Server implements AutoCloseable {

    /** A file received: its name and bytes, under the Message-ID it came with. */
    public record Delivered(String messageId, String fileName, byte[] content) {
    }

    final Map<String, Delivered> byMessageId = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger refuseNext = new AtomicInteger();
    /** Message-IDs a receipt was written back for. */
    final java.util.Set<String> answered = ConcurrentHashMap.newKeySet();
    /** When set, the first request is read and kept, then held (no receipt) until {@link #release} counts down. */
    volatile java.util.concurrent.CountDownLatch firstArrived;
    final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

    private final HttpServer server;
    private final TestKeys keys;
    private final X509Certificate achemine;
    private final ICryptoHelper crypto;

    public PartnerAs2Server(TestKeys keys, X509Certificate achemine) throws IOException {
        As2LibraryClasspath.prepare();
        this.crypto = AS2Helper.getCryptoHelper();
        this.keys = keys;
        this.achemine = achemine;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/as2", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/as2";
    }

    /** Each file received once, by the Message-ID it came with ({@code <id>}, angle brackets included). */
    public Map<String, Delivered> received() {
        return Map.copyOf(byMessageId);
    }

    /** Every request, a message sent again under its Message-ID included. */
    public int requestCount() {
        return requests.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String messageId = exchange.getRequestHeaders().getFirst("Message-ID");
        requests.add(messageId);
        if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        As2TemporaryFolder.ensureExists();
        try (AS2ResourceHelper resources = new AS2ResourceHelper()) {
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(body, contentType)));
            part.setHeader("Content-Type", contentType);
            MimeBodyPart decrypted = crypto.decrypt(part, keys.certificate(), keys.pair().getPrivate(), true, resources);
            MimeBodyPart signedContent = crypto.verify(decrypted, achemine, false, true, null, resources);
            String mic = crypto.calculateMIC(signedContent, ECryptoAlgorithmSign.DIGEST_SHA_256, true).getAsAS2String();
            byMessageId.putIfAbsent(messageId, new Delivered(messageId, signedContent.getFileName(),
                    signedContent.getInputStream().readAllBytes()));
            Receipt receipt = new Receipts(exchange.getRequestHeaders().getFirst("AS2-To"),
                    OwnKeys.of(keys.certificate(), keys.pair().getPrivate()), Clock.systemUTC())
                    .build(messageId, "ACHEMINE", Receipts.PROCESSED, "received", mic, ECryptoAlgorithmSign.DIGEST_SHA_256);
            java.util.concurrent.CountDownLatch holding = firstArrived;
            boolean held = holding != null && holding.getCount() > 0;
            if (held) {
                holding.countDown();
                release.await(); // the sender is killed meanwhile: this receipt goes nowhere
            }
            exchange.getResponseHeaders().set("Content-Type", receipt.contentType());
            exchange.getResponseHeaders().set("AS2-From", exchange.getRequestHeaders().getFirst("AS2-To"));
            exchange.getResponseHeaders().set("AS2-To", "ACHEMINE");
            exchange.getResponseHeaders().set("AS2-Version", "1.2");
            exchange.getResponseHeaders().set("Message-ID", receipt.messageId());
            exchange.sendResponseHeaders(200, receipt.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(receipt.body());
            }
            if (!held) {
                answered.add(messageId);
            }
        } catch (Exception e) {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
