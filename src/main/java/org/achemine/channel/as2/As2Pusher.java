package org.achemine.channel.as2;

import com.helger.as2lib.client.AS2Client;
import com.helger.as2lib.client.AS2ClientRequest;
import com.helger.as2lib.client.AS2ClientResponse;
import com.helger.as2lib.client.AS2ClientSettings;
import com.helger.as2lib.crypto.ECryptoAlgorithmCrypt;
import com.helger.as2lib.crypto.ECryptoAlgorithmSign;
import com.helger.as2lib.disposition.DispositionOptions;
import com.helger.security.keystore.EKeyStoreType;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.concurrent.TimeUnit;
import org.achemine.channel.as2.As2Outbox.Item;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Pushes what waits in the outbox to each partner's URL with as2-lib's client: signed with our key, encrypted
 * for the partner's certificate, a signed receipt asked. An item is acknowledged only by a receipt that says
 * {@code processed} without error, is signed by the partner's registered certificate and carries the MIC of
 * what was sent; anything else is retried with back-off, under the same Message-ID.
 */
public class As2Pusher implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(As2Pusher.class);
    private static final int BATCH = 20;
    private static final int PER_PARTNER = 10;

    private final As2Outbox outbox;
    private final As2Partners partners;
    private final As2Properties properties;
    private final As2Audit audit;
    private final byte[] keystore;
    private ScheduledExecutorService scheduler;
    private final BooleanSupplier leader;
    private volatile boolean stopping;

    /** @param leader true while this engine pushes (with several engines, only the leader does: ADR 0019) */
    public As2Pusher(As2Outbox outbox, As2Partners partners, As2Properties properties, As2Audit audit,
                     BooleanSupplier leader) throws java.io.IOException {
        this.leader = leader;
        As2LibraryClasspath.prepare();
        this.outbox = outbox;
        this.partners = partners;
        this.properties = properties;
        this.audit = audit;
        this.keystore = Files.readAllBytes(properties.keystore());
    }

    /**
     * Sends the items due now, one after the other. A partner whose push fails gets no other try this round (its
     * next items wait for the next one): a partner down costs the others one failed attempt per round, not one
     * per item.
     */
    public void pushDue() {
        Set<String> failedThisRound = new HashSet<>();
        for (Item item : outbox.due(BATCH, PER_PARTNER)) {
            if (!failedThisRound.contains(item.partner()) && !push(item)) {
                failedThisRound.add(item.partner());
            }
        }
    }

    /** One attempt; whether the partner acknowledged it. */
    boolean push(Item item) {
        Optional<As2Partner> partner = partners.find(item.partner());
        if (partner.isEmpty()) {
            outbox.failed(item, "partner no longer connected over AS2", properties.retryFirst(), properties.retryMax());
            return false;
        }
        String failure;
        try {
            MicCheck micCheck = new MicCheck();
            AS2ClientResponse response = new AS2Client().sendSynchronous(settings(partner.get(), item, micCheck),
                    request(item));
            keepDatabaseFileOpen();
            failure = refusal(response, partner.get(), micCheck.matched());
            if (failure == null) {
                outbox.acknowledged(item, response.getMDNDisposition());
                audit.record(As2Event.PUSHED, item.partner(), partner.get().as2Id(), "<" + item.messageId() + ">",
                        partner.get().url().toString(), item.fileName() + " acknowledged: " + response.getMDNDisposition());
                return true;
            }
        } catch (Exception e) {
            keepDatabaseFileOpen();
            failure = e.toString();
        }
        outbox.failed(item, failure, properties.retryFirst(), properties.retryMax());
        audit.record(As2Event.PUSH_FAILED, item.partner(), partner.get().as2Id(), "<" + item.messageId() + ">",
                partner.get().url().toString(), item.fileName() + " attempt " + (item.attempts() + 1) + ": " + failure);
        return false;
    }

    /**
     * A refused connection can leave this thread's interrupt flag set (seen in CI after a {@code NoHttpResponse}):
     * H2 then closes its whole database file at this thread's next write ({@code ClosedByInterruptException}).
     * The flag is cleared unless the pusher is stopping, where the interrupt is ours and must stand.
     */
    private void keepDatabaseFileOpen() {
        if (!stopping && Thread.interrupted()) {
            LOG.debug("AS2 push: an interrupt left by the HTTP client was cleared");
        }
    }

    /** Why a response does not acknowledge the item; null when it does. */
    private static String refusal(AS2ClientResponse response, As2Partner partner, Boolean micMatched) {
        if (response.hasException()) {
            return "not delivered: " + response.getException();
        }
        if (!response.hasMDN() || response.getMDNDisposition() == null) {
            return "no receipt (MDN) in the answer";
        }
        if (!Receipts.PROCESSED.equals(response.getMDNDisposition().trim())) {
            return "receipt says " + response.getMDNDisposition();
        }
        if (!partner.certificate().equals(response.getMDNVerificationCertificate())) {
            return "receipt not signed by the partner's registered certificate";
        }
        if (!Boolean.TRUE.equals(micMatched)) {
            return "receipt's MIC is not the one of what was sent";
        }
        return null;
    }

    private AS2ClientSettings settings(As2Partner partner, Item item, MicCheck micCheck) {
        ECryptoAlgorithmSign signing = ECryptoAlgorithmSign.getFromIDOrThrow(properties.signing());
        AS2ClientSettings settings = new AS2ClientSettings();
        settings.setKeyStore(EKeyStoreType.PKCS12, keystore, properties.keystorePassword());
        settings.setSaveKeyStoreChangesToFile(false);
        settings.setSenderData(properties.as2Id(), "edi@" + properties.as2Id().toLowerCase(java.util.Locale.ROOT)
                + ".invalid", OwnKeys.ALIAS);
        settings.setReceiverData(partner.as2Id(), "partner-" + partner.code().toLowerCase(java.util.Locale.ROOT),
                partner.url().toString());
        settings.setReceiverCertificate(partner.certificate());
        settings.setPartnershipName(properties.as2Id() + "-" + partner.as2Id());
        settings.setEncryptAndSign(ECryptoAlgorithmCrypt.getFromIDOrThrow(properties.encryption()), signing);
        settings.setMDNOptions(new DispositionOptions()
                .setProtocol(DispositionOptions.PROTOCOL_PKCS7_SIGNATURE)
                .setProtocolImportance(DispositionOptions.IMPORTANCE_REQUIRED)
                .setMICAlg(signing).setMICAlgImportance(DispositionOptions.IMPORTANCE_REQUIRED));
        settings.setMessageIDFormat(item.messageId());
        settings.setRetryCount(0);
        settings.setConnectTimeout(Timeout.of(properties.connectTimeout()));
        settings.setResponseTimeout(Timeout.of(properties.responseTimeout()));
        settings.setMICMatchingHandler(micCheck);
        return settings;
    }

    private AS2ClientRequest request(Item item) throws java.io.IOException {
        AS2ClientRequest request = new AS2ClientRequest(item.fileName());
        request.setData(outbox.content(item));
        request.setFilename(item.fileName());
        request.setContentType(item.fileName().endsWith(".csv") ? "text/csv" : "application/xml");
        return request;
    }

    @Override
    public synchronized void start() {
        stopping = false;
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "as2-outbox");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.outboxInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                if (leader.getAsBoolean()) {
                    pushDue();
                }
            } catch (RuntimeException e) {
                LOG.warn("AS2 outbox round failed (next round in {} ms): {}", every, e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        stopping = true;
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
