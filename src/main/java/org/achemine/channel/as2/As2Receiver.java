package org.achemine.channel.as2;

import com.helger.as2lib.crypto.ECryptoAlgorithmSign;
import com.helger.as2lib.crypto.ICryptoHelper;
import com.helger.as2lib.disposition.DispositionOptions;
import com.helger.as2lib.util.AS2Helper;
import com.helger.as2lib.util.AS2ResourceHelper;
import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.achemine.archive.AtomicFiles;
import org.achemine.channel.Channel;
import org.achemine.channel.ChannelArrivals;
import org.achemine.channel.as2.ReceivedMessages.Received;
import org.achemine.mailbox.Mailboxes;
import org.achemine.publication.PublicationJournal;
import org.bouncycastle.cms.jcajce.ZlibExpanderProvider;
import org.bouncycastle.mail.smime.SMIMECompressed;
import org.bouncycastle.mail.smime.SMIMEUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;

/**
 * Takes one AS2 message: identifies the partner by its AS2-From, answers a replayed Message-ID with the receipt
 * it already got, opens the message (decrypt, decompress, verify the partner's signature), then stores the
 * payload in the partner's {@code in/} and only then answers a positive receipt. Whatever cannot be opened is
 * answered a negative receipt and audited, and nothing is written.
 * <p>
 * Storing is a small journal, like the publication journal's: the payload is written and forced to disk under a
 * hidden name the intake never takes ({@code .<name>.as2}), the message and its receipt are recorded in one
 * commit, then the file is renamed into place. A stop after the commit is finished by the next replay or start
 * ({@link #finishInterrupted}); before it, nothing was recorded and the partner's retry starts again.
 */
public class As2Receiver {

    private static final Logger LOG = LoggerFactory.getLogger(As2Receiver.class);

    private final As2Properties properties;
    private final As2Partners partners;
    private final ReceivedMessages received;
    private final Receipts receipts;
    private final AsyncReceipts asyncReceipts;
    private final As2Audit audit;
    private final Mailboxes mailboxes;
    private final Clock clock;
    private final long maxSize;
    private final ICryptoHelper crypto;
    private final ChannelArrivals arrivals;
    private final Object storing = new Object();

    public As2Receiver(As2Properties properties, As2Partners partners, ReceivedMessages received, Receipts receipts,
                       AsyncReceipts asyncReceipts, As2Audit audit, Mailboxes mailboxes, Clock clock, long maxSize,
                       ChannelArrivals arrivals) {
        this.arrivals = arrivals;
        As2LibraryClasspath.prepare();
        this.crypto = AS2Helper.getCryptoHelper();
        this.properties = properties;
        this.partners = partners;
        this.received = received;
        this.receipts = receipts;
        this.asyncReceipts = asyncReceipts;
        this.audit = audit;
        this.mailboxes = mailboxes;
        this.clock = clock;
        this.maxSize = maxSize;
    }

    /** Why a message is refused: the RFC 4130 reason in the receipt, and a line for the audit. */
    private static final class Refusal extends Exception {
        final String reason;

        Refusal(String reason, String detail, Throwable cause) {
            super(detail, cause);
            this.reason = reason;
        }
    }

    public As2Answer receive(As2Request request) {
        String messageId = request.header("Message-ID");
        String as2From = request.header("AS2-From");
        if (messageId == null || as2From == null || request.header("Content-Type") == null) {
            audit.record(As2Event.REFUSED, null, as2From, messageId, request.remote(),
                    "not an AS2 message: Message-ID, AS2-From or Content-Type missing");
            return plain(400, "Not an AS2 message: Message-ID, AS2-From and Content-Type are required");
        }
        Optional<As2Partner> partner = partners.byAs2Id(as2From);
        String code = partner.map(As2Partner::code).orElse(null);
        // the opened parts may be backed by as2-lib's temporary files: they live until the message is stored
        try (AS2ResourceHelper resources = new AS2ResourceHelper()) {
            if (partner.isEmpty()) {
                throw new Refusal("authentication-failed", "unknown or disabled AS2 id " + as2From, null);
            }
            if (!properties.as2Id().equals(request.header("AS2-To"))) {
                throw new Refusal("authentication-failed", "AS2-To " + request.header("AS2-To") + " is not "
                        + properties.as2Id(), null);
            }
            Optional<Received> known = received.find(code, messageId);
            if (known.isPresent()) {
                finish(known.get());
                audit.record(As2Event.REPLAYED, code, as2From, messageId, request.remote(),
                        "already stored as in/" + known.get().fileName() + ": the original receipt again");
                return answer(request, partner.get(), known.get().receipt());
            }
            return store(request, partner.get(), messageId, open(request, partner.get(), resources));
        } catch (Refusal refusal) {
            audit.record(As2Event.REFUSED, code, as2From, messageId, request.remote(), refusal.reason + ": "
                    + refusal.getMessage() + (refusal.getCause() == null ? "" : " (" + refusal.getCause() + ")"));
            return refuse(request, partner.orElse(null), messageId, refusal.reason);
        } catch (Exception ourFault) {
            // a disk or database fault is ours, not the message's: no receipt, the partner's retry comes back
            LOG.error("AS2 message {} from {} not stored", messageId, as2From, ourFault);
            return plain(500, "Temporary failure, nothing was stored: send the message again later");
        }
    }

    /**
     * A message opened: the content its sender signed (the MIC is computed on it, RFC 5402: compressed when
     * compressed before signing) and the payload, with their MIME headers.
     */
    private record Opened(MimeBodyPart signed, MimeBodyPart payload) {
    }

    /** Decrypts, decompresses and verifies the message. */
    private Opened open(As2Request request, As2Partner partner, AS2ResourceHelper resources) throws Refusal {
        try {
            MimeBodyPart part = mime(request);
            boolean encrypted = crypto.isEncrypted(part);
            if (!encrypted && properties.requireEncrypted()) {
                throw new Refusal("insufficient-message-security", "the message is not encrypted", null);
            }
            if (encrypted) {
                try {
                    part = crypto.decrypt(part, receipts.keys().certificate(), receipts.keys().privateKey(), false,
                            resources);
                } catch (Exception e) {
                    throw new Refusal("decryption-failed", "not encrypted for our certificate", e);
                }
            }
            part = decompressed(part);
            if (!crypto.isSigned(part)) {
                throw new Refusal("insufficient-message-security", "the message is not signed", null);
            }
            try {
                part = crypto.verify(part, partner.certificate(), false, true, null, resources);
            } catch (Exception e) {
                throw new Refusal("integrity-check-failed", "the signature is not the registered certificate's"
                        + " or the content was changed", e);
            }
            return new Opened(part, decompressed(part));
        } catch (Refusal refusal) {
            throw refusal;
        } catch (Exception e) {
            throw new Refusal("unexpected-processing-error", "the message could not be read", e);
        }
    }

    private As2Answer store(As2Request request, As2Partner partner, String messageId, Opened opened)
            throws Exception {
        MimeBodyPart payload = opened.payload();
        byte[] bytes = payload.getInputStream().readAllBytes();
        if (bytes.length > maxSize) {
            throw new Refusal("unexpected-processing-error", "payload of " + bytes.length + " bytes, over the limit of "
                    + maxSize, null);
        }
        DispositionOptions options = options(request);
        ECryptoAlgorithmSign micAlgorithm = options.hasMICAlg() ? options.getFirstMICAlg()
                : ECryptoAlgorithmSign.getFromIDOrThrow(properties.signing());
        String mic = crypto.calculateMIC(opened.signed(), micAlgorithm, true).getAsAS2String();
        String sha256 = PublicationJournal.sha256(bytes);
        synchronized (storing) {
            Optional<Received> raced = received.find(partner.code(), messageId);
            if (raced.isPresent()) {
                finish(raced.get());
                return answer(request, partner, raced.get().receipt());
            }
            Path in = mailboxes.in(partner.code());
            Files.createDirectories(in);
            String name = freeName(in, FileNames.of(payload.getFileName(), sha256, payload.getContentType()));
            Path temporary = temporary(in.resolve(name));
            AtomicFiles.writeDurably(temporary, bytes);
            Receipt receipt = receipts.build(messageId, partner.as2Id(), Receipts.PROCESSED,
                    "The AS2 message " + messageId + " was received and stored as " + name
                            + "; its deposit report follows in out/.", mic, signWith(options));
            Received message = new Received(partner.code(), messageId, name, sha256, bytes.length, mic, receipt,
                    clock.instant());
            // announced before the file appears under its name: the intake records the flow as arrived by AS2
            arrivals.announce(partner.code(), name, bytes.length, sha256, Channel.AS2, sessionOf(messageId));
            try {
                received.record(message);
            } catch (DuplicateKeyException sameMessageMeanwhile) {
                arrivals.withdraw(partner.code(), name, sha256);
                Files.deleteIfExists(temporary);
                Received first = received.find(partner.code(), messageId).orElseThrow();
                finish(first);
                return answer(request, partner, first.receipt());
            }
            finish(message);
            audit.record(As2Event.RECEIVED, partner.code(), partner.as2Id(), messageId, request.remote(),
                    "in/" + name + " " + bytes.length + " bytes, MIC " + mic);
            return answer(request, partner, receipt);
        }
    }

    /** The Message-ID as the flow's channel session (its column holds 100 characters). */
    private static String sessionOf(String messageId) {
        return messageId.length() <= 100 ? messageId : messageId.substring(0, 100);
    }

    /** A name free in {@code in/} (and not waiting as a temporary file): two messages never share a file. */
    private static String freeName(Path in, String wanted) {
        String name = wanted;
        for (int n = 2; Files.exists(in.resolve(name)) || Files.exists(temporary(in.resolve(name))); n++) {
            name = FileNames.numbered(wanted, n);
        }
        return name;
    }

    /** Renames a recorded message's payload into {@code in/} if its temporary file still waits. */
    private void finish(Received message) throws IOException {
        Path target = mailboxes.in(message.partner()).resolve(message.fileName());
        Path temporary = temporary(target);
        if (Files.exists(temporary)) {
            try {
                AtomicFiles.publishNew(temporary, target);
            } catch (FileAlreadyExistsException alreadyThere) {
                Files.delete(temporary); // the link was made before a stop removed the temporary name
            }
        }
    }

    /**
     * At start-up: finishes the renames a stop cut off after their message was recorded, and removes the
     * temporary files of messages never recorded (their sender got no receipt and sends again).
     *
     * @return how many payloads were renamed into place
     */
    public int finishInterrupted() throws IOException {
        int finished = 0;
        java.util.Set<Path> recorded = new java.util.HashSet<>();
        for (Received message : received.all()) {
            Path temporary = temporary(mailboxes.in(message.partner()).resolve(message.fileName()));
            recorded.add(temporary);
            if (Files.exists(temporary)) {
                finish(message);
                finished++;
            }
        }
        for (As2Partner partner : partners.all()) {
            Path in = mailboxes.in(partner.code());
            if (!Files.isDirectory(in)) {
                continue;
            }
            try (var leftovers = Files.newDirectoryStream(in, ".*.as2")) {
                for (Path leftover : leftovers) {
                    if (!recorded.contains(leftover)) {
                        Files.deleteIfExists(leftover);
                    }
                }
            }
        }
        if (finished > 0) {
            LOG.info("Recovery: {} AS2 payloads recorded before a stop renamed into in/", finished);
        }
        return finished;
    }

    static Path temporary(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".as2");
    }

    private MimeBodyPart decompressed(MimeBodyPart part) throws Refusal {
        try {
            if (!crypto.isCompressed(part.getContentType())) {
                return part;
            }
            SMIMECompressed compressed = new SMIMECompressed(part);
            return SMIMEUtil.toMimeBodyPart(compressed.getContent(new ZlibExpanderProvider(maxSize)));
        } catch (Exception e) {
            throw new Refusal("decompression-failed", "the compressed content could not be expanded", e);
        }
    }

    private static MimeBodyPart mime(As2Request request) throws Exception {
        String contentType = request.header("Content-Type");
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(request.body(), contentType)));
        part.setHeader("Content-Type", contentType);
        String transferEncoding = request.header("Content-Transfer-Encoding");
        if (transferEncoding != null) {
            part.setHeader("Content-Transfer-Encoding", transferEncoding);
        }
        return part;
    }


    private As2Answer refuse(As2Request request, As2Partner partner, String messageId, String reason) {
        try {
            DispositionOptions options = options(request);
            Receipt receipt = receipts.build(messageId, request.header("AS2-From"), Receipts.error(reason),
                    "The AS2 message " + messageId + " was refused (" + reason + "); nothing was stored.", null,
                    signWith(options));
            return answer(request, partner, receipt);
        } catch (Exception e) {
            LOG.warn("Negative receipt for {} not built: {}", messageId, e.toString());
            return plain(500, "The message was refused (" + reason + ") and no receipt could be built");
        }
    }

    /** The synchronous receipt on the connection, or an empty 200 and the receipt posted to the asked URL. */
    private As2Answer answer(As2Request request, As2Partner partner, Receipt receipt) {
        if (request.header("Disposition-Notification-To") == null) {
            return new As2Answer(200, Map.of(), new byte[0]);
        }
        Map<String, String> headers = receiptHeaders(request.header("AS2-From"), receipt);
        String asyncUrl = request.header("Receipt-Delivery-Option");
        if (asyncUrl != null) {
            asyncReceipts.send(asyncUrl, headers, receipt, partner == null ? null : partner.code(),
                    request.header("AS2-From"), request.header("Message-ID"));
            return new As2Answer(200, Map.of(), new byte[0]);
        }
        return new As2Answer(200, headers, receipt.body());
    }

    private Map<String, String> receiptHeaders(String to, Receipt receipt) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("AS2-Version", "1.2");
        headers.put("AS2-From", properties.as2Id());
        headers.put("AS2-To", to);
        headers.put("Message-ID", receipt.messageId() != null ? receipt.messageId()
                : "<" + java.util.UUID.randomUUID() + "@" + properties.as2Id() + ">");
        headers.put("Mime-Version", "1.0");
        headers.put("Content-Type", receipt.contentType());
        return headers;
    }

    private static DispositionOptions options(As2Request request) {
        String value = request.header("Disposition-Notification-Options");
        try {
            return value == null ? new DispositionOptions() : DispositionOptions.createFromString(value);
        } catch (Exception unreadable) {
            return new DispositionOptions();
        }
    }

    private ECryptoAlgorithmSign signWith(DispositionOptions options) {
        if (options.getProtocol() == null) {
            return null;
        }
        return options.hasMICAlg() ? options.getFirstMICAlg() : ECryptoAlgorithmSign.getFromIDOrThrow(properties.signing());
    }

    private static As2Answer plain(int status, String text) {
        return new As2Answer(status, Map.of("Content-Type", "text/plain; charset=utf-8"),
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
