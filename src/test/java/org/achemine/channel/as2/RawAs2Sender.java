package org.achemine.channel.as2;

import com.helger.as2lib.crypto.ECryptoAlgorithmCrypt;
import com.helger.as2lib.crypto.ECryptoAlgorithmSign;
import com.helger.as2lib.crypto.ICryptoHelper;
import com.helger.as2lib.util.AS2Helper;
import com.helger.mail.cte.EContentTransferEncoding;
import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.function.UnaryOperator;

/**
 * Builds AS2 messages with as2-lib's crypto helper step by step, so a test can break one step on purpose (sign
 * with another key, change the signed content, encrypt for another certificate) and post them itself.
 */
final class RawAs2Sender {

    private final ICryptoHelper crypto;
    private final String url;

    RawAs2Sender(String url) {
        As2LibraryClasspath.prepare();
        this.crypto = AS2Helper.getCryptoHelper();
        this.url = url;
    }

    /** The HTTP answer to a message signed by {@code signer}, changed by {@code tamper}, encrypted for {@code to}. */
    HttpResponse<String> post(String as2From, String messageId, byte[] payload, TestKeys signer,
                              UnaryOperator<String> tamper, X509Certificate to) throws Exception {
        MimeBodyPart data = new MimeBodyPart();
        data.setDataHandler(new DataHandler(new ByteArrayDataSource(payload, "application/xml")));
        data.setHeader("Content-Type", "application/xml");
        data.setHeader("Content-Transfer-Encoding", "binary");
        data.setFileName("facture.xml");
        MimeBodyPart signed = crypto.sign(data, signer.certificate(), signer.pair().getPrivate(),
                ECryptoAlgorithmSign.DIGEST_SHA_256, false, false, false, EContentTransferEncoding.BASE64);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        signed.writeTo(written);
        String changed = tamper.apply(written.toString(StandardCharsets.ISO_8859_1));
        MimeBodyPart received = new MimeBodyPart(new ByteArrayInputStream(changed.getBytes(StandardCharsets.ISO_8859_1)));
        MimeBodyPart encrypted = crypto.encrypt(received, to, ECryptoAlgorithmCrypt.CRYPT_AES256_CBC,
                EContentTransferEncoding.BINARY);
        byte[] body = encrypted.getInputStream().readAllBytes();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("AS2-Version", "1.2").header("AS2-From", as2From).header("AS2-To", "ACHEMINE")
                .header("Message-ID", messageId).header("Mime-Version", "1.0")
                .header("Content-Type", encrypted.getContentType().replaceAll("\\s*\\r?\\n\\s*", " "))
                .header("Disposition-Notification-To", "edi@example.org")
                .header("Disposition-Notification-Options",
                        "signed-receipt-protocol=optional, pkcs7-signature; signed-receipt-micalg=optional, sha-256")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
    }
}
