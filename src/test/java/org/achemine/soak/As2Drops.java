package org.achemine.soak;

import com.helger.as2lib.client.AS2ClientResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.achemine.channel.as2.PartnerAs2Client;
import org.achemine.channel.as2.Receipts;
import org.achemine.channel.as2.TestKeys;

/**
 * The soak's partners sending half their flows over AS2 ({@code scripts/soak.sh --as2}), the other half copied
 * into {@code in/}: each message signed, encrypted and compressed by as2-lib's client, a signed synchronous
 * receipt (MDN) asked. A message counts as sent only once a processed receipt came back, signed by the engine's
 * certificate, with the MIC of what was sent; one the engine's kill left without a receipt is sent again, under the same Message-ID, once
 * the engine is back (its replay answer is the original receipt, never a second flow).
 */
final class As2Drops implements SoakFlows.Transport {

    private static final Duration GIVE_UP = Duration.ofMinutes(5);

    /** Our key, written as the engine's keystore before its first start. */
    final TestKeys ours = TestKeys.valid("achemine");
    private final Map<String, TestKeys> keys = new HashMap<>();
    private final Map<String, PartnerAs2Client> clients = new HashMap<>();
    /** The same partners receiving what the engine pushes, with the keys their certificates are registered for. */
    final As2PartnerServers servers;
    private int flows;
    private int sent;
    private int resent;
    private int failedAttempts;

    As2Drops(int port, List<String> partners) throws IOException {
        for (String partner : partners) {
            TestKeys key = TestKeys.valid(partner.toLowerCase(java.util.Locale.ROOT));
            keys.put(partner, key);
            clients.put(partner, new PartnerAs2Client(key, as2Id(partner), ours.certificate(),
                    "http://127.0.0.1:" + port + "/as2"));
        }
        servers = new As2PartnerServers(keys, ours.certificate());
    }

    static String as2Id(String partner) {
        return partner + "-AS2";
    }

    /** Writes each partner's certificate to {@code folder}/{@code <partner>.pem}, for {@code partner as2 set}. */
    Map<String, Path> writeCertificates(Path folder) throws IOException {
        Map<String, Path> files = new HashMap<>();
        for (Map.Entry<String, TestKeys> key : keys.entrySet()) {
            files.put(key.getKey(), Files.write(folder.resolve(key.getKey() + ".pem"), key.getValue().pem()));
        }
        return files;
    }

    /** Messages answered by a processed receipt whose signature and MIC were checked. */
    int sent() {
        return sent;
    }

    /** Messages that needed more than one attempt (no receipt: the engine was killed, down or starting). */
    int resent() {
        return resent;
    }

    int failedAttempts() {
        return failedAttempts;
    }

    @Override
    public synchronized void deliver(Path inbox, String partner, String name, byte[] bytes) throws IOException {
        if (flows++ % 2 == 0) {
            SoakFlows.FILE_COPY.deliver(inbox, partner, name, bytes);
            return;
        }
        String messageId = name + "@" + as2Id(partner);
        PartnerAs2Client client = clients.get(partner);
        Instant giveUp = Instant.now().plus(GIVE_UP);
        boolean retried = false;
        while (true) {
            AS2ClientResponse response = client.send(name, bytes, messageId, null);
            if (!response.hasException() && Receipts.PROCESSED.equals(response.getMDNDisposition())
                    && ours.certificate().equals(response.getMDNVerificationCertificate())
                    && Boolean.TRUE.equals(client.micMatched())) {
                sent++;
                if (retried) {
                    resent++;
                }
                return;
            }
            failedAttempts++;
            retried = true;
            if (Instant.now().isAfter(giveUp)) {
                throw new IOException("AS2 message " + messageId + " got no processed receipt for " + GIVE_UP + ": "
                        + (response.hasException() ? response.getException() : response.getMDNDisposition()));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }
}
