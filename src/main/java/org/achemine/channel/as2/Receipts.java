package org.achemine.channel.as2;

import com.helger.as2lib.crypto.ECryptoAlgorithmSign;
import com.helger.as2lib.util.AS2Helper;
import com.helger.mail.cte.EContentTransferEncoding;
import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

/**
 * Builds receipts (MDN, RFC 3798 and RFC 4130 section 7): a {@code multipart/report} with a line for people and
 * the machine-readable disposition with the received content's MIC, signed with our key when the sender asks.
 */
public class Receipts {

    /** RFC 4130 7.5.3: the disposition of a message stored for processing. */
    public static final String PROCESSED = "automatic-action/MDN-sent-automatically; processed";

    private final String ourAs2Id;
    private final OwnKeys keys;
    private final Clock clock;

    public Receipts(String ourAs2Id, OwnKeys keys, Clock clock) {
        this.ourAs2Id = ourAs2Id;
        this.keys = keys;
        this.clock = clock;
    }

    /** {@code processed/error: <reason>} (authentication-failed, decryption-failed, integrity-check-failed...). */
    public static String error(String reason) {
        return PROCESSED + "/error: " + reason;
    }

    /**
     * @param mic      {@code Received-Content-MIC} (base64, algorithm), or null when nothing could be read
     * @param signWith the digest to sign with, or null for an unsigned receipt (the sender did not ask)
     */
    public Receipt build(String originalMessageId, String partnerAs2Id, String disposition, String text, String mic,
                         ECryptoAlgorithmSign signWith) throws Exception {
        MimeBodyPart human = new MimeBodyPart();
        human.setDataHandler(new DataHandler(new ByteArrayDataSource(
                (text + "\r\n").getBytes(StandardCharsets.US_ASCII), "text/plain")));
        human.setHeader("Content-Type", "text/plain");
        human.setHeader("Content-Transfer-Encoding", "7bit");

        StringBuilder fields = new StringBuilder()
                .append("Reporting-UA: achemine\r\n")
                .append("Original-Recipient: rfc822; ").append(ourAs2Id).append("\r\n")
                .append("Final-Recipient: rfc822; ").append(ourAs2Id).append("\r\n")
                .append("Original-Message-ID: ").append(originalMessageId).append("\r\n")
                .append("Disposition: ").append(disposition).append("\r\n");
        if (mic != null) {
            fields.append("Received-Content-MIC: ").append(mic).append("\r\n");
        }
        MimeBodyPart machine = new MimeBodyPart();
        machine.setDataHandler(new DataHandler(new ByteArrayDataSource(
                fields.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII), "message/disposition-notification")));
        machine.setHeader("Content-Type", "message/disposition-notification");
        machine.setHeader("Content-Transfer-Encoding", "7bit");

        MimeMultipart report = new MimeMultipart("report; report-type=disposition-notification");
        report.addBodyPart(human);
        report.addBodyPart(machine);
        MimeBodyPart reportPart = new MimeBodyPart();
        reportPart.setContent(report);
        reportPart.setHeader("Content-Type", report.getContentType());

        MimeBodyPart sent = signWith == null ? reportPart : AS2Helper.getCryptoHelper().sign(reportPart,
                keys.certificate(), keys.privateKey(), signWith, false, false, false, EContentTransferEncoding.BASE64);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        sent.getDataHandler().writeTo(body);
        String contentType = sent.getContentType().replaceAll("\\s*\\r?\\n\\s*", " ");
        return new Receipt("<" + UUID.randomUUID() + "@" + ourAs2Id + ">", contentType, body.toByteArray());
    }

    OwnKeys keys() {
        return keys;
    }

    String ourAs2Id() {
        return ourAs2Id;
    }

    Clock clock() {
        return clock;
    }
}
