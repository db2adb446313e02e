package org.achemine.channel.as2;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Posts asynchronous receipts to the URL a sender asked for (Receipt-Delivery-Option), one at a time, after
 * the message was stored. One that cannot be delivered is audited and dropped: the sender, with no receipt,
 * sends the message again and the replay posts the same receipt.
 */
public class AsyncReceipts implements AutoCloseable {

    private final HttpClient http;
    private final As2Audit audit;
    private final Duration timeout;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "as2-async-mdn");
        thread.setDaemon(true);
        return thread;
    });

    public AsyncReceipts(As2Audit audit, Duration connectTimeout, Duration responseTimeout) {
        this.audit = audit;
        this.timeout = responseTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    void send(String url, Map<String, String> headers, Receipt receipt, String partner, String as2From,
              String messageId) {
        sender.execute(() -> {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(receipt.body()));
                headers.forEach((name, value) -> {
                    if (!"Content-Length".equalsIgnoreCase(name)) {
                        request.header(name, value);
                    }
                });
                HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    audit.record(As2Event.MDN_SENT, partner, as2From, messageId, url, "HTTP " + response.statusCode());
                } else {
                    audit.record(As2Event.MDN_FAILED, partner, as2From, messageId, url, "HTTP " + response.statusCode());
                }
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                audit.record(As2Event.MDN_FAILED, partner, as2From, messageId, url, e.toString());
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(5, TimeUnit.SECONDS);
    }
}
