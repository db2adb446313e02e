package org.achemine.channel.as2;

import com.helger.as2lib.client.AS2Client;
import com.helger.as2lib.client.AS2ClientRequest;
import com.helger.as2lib.client.AS2ClientResponse;
import com.helger.as2lib.client.AS2ClientSettings;
import com.helger.as2lib.crypto.ECompressionType;
import com.helger.as2lib.crypto.ECryptoAlgorithmCrypt;
import com.helger.as2lib.crypto.ECryptoAlgorithmSign;
import com.helger.as2lib.disposition.DispositionOptions;
import com.helger.security.keystore.EKeyStoreType;
import java.security.cert.X509Certificate;
import org.apache.hc.core5.util.Timeout;

/**
 * A partner's AS2 system built with as2-lib's own client, as a supplier would run it: signs with its key,
 * encrypts to our certificate, compresses, asks a signed receipt and checks the MIC it carries. Shared by the
 * AS2 tests and the soak's AS2 partners ({@code scripts/soak.sh --as2}).
 */
public final class PartnerAs2Client {

    /** What as2-lib said of the last receipt's MIC. */
    private volatile MicCheck micCheck = new MicCheck();

    private final TestKeys keys;
    private final String as2Id;
    private final X509Certificate ourCertificate;
    private final String url;

    public PartnerAs2Client(TestKeys keys, String as2Id, X509Certificate ourCertificate, String url) {
        As2LibraryClasspath.prepare();
        this.keys = keys;
        this.as2Id = as2Id;
        this.ourCertificate = ourCertificate;
        this.url = url;
    }

    /** True when the last receipt's MIC was the one of what was sent. */
    public Boolean micMatched() {
        return micCheck.matched();
    }

    public AS2ClientResponse send(String fileName, byte[] content, String messageId, String asyncMdnUrl) {
        micCheck = new MicCheck();
        AS2ClientSettings settings = new AS2ClientSettings();
        settings.setKeyStore(EKeyStoreType.PKCS12, keys.keystore(), TestKeys.PASSWORD);
        settings.setSaveKeyStoreChangesToFile(false);
        settings.setSenderData(as2Id, "edi@" + as2Id.toLowerCase() + ".example", keys.alias());
        settings.setReceiverData("ACHEMINE", "achemine", url);
        settings.setReceiverCertificate(ourCertificate);
        settings.setPartnershipName(as2Id + "-ACHEMINE");
        settings.setEncryptAndSign(ECryptoAlgorithmCrypt.CRYPT_AES256_CBC, ECryptoAlgorithmSign.DIGEST_SHA_256);
        settings.setCompress(ECompressionType.ZLIB, true);
        settings.setMDNOptions(new DispositionOptions()
                .setProtocol(DispositionOptions.PROTOCOL_PKCS7_SIGNATURE)
                .setProtocolImportance(DispositionOptions.IMPORTANCE_REQUIRED)
                .setMICAlg(ECryptoAlgorithmSign.DIGEST_SHA_256)
                .setMICAlgImportance(DispositionOptions.IMPORTANCE_REQUIRED));
        if (asyncMdnUrl != null) {
            settings.setAsyncMDNUrl(asyncMdnUrl);
        }
        if (messageId != null) {
            settings.setMessageIDFormat(messageId);
        }
        settings.setRetryCount(0);
        settings.setConnectTimeout(Timeout.ofSeconds(10));
        settings.setResponseTimeout(Timeout.ofSeconds(60));
        settings.setMICMatchingHandler(micCheck);
        AS2ClientRequest request = new AS2ClientRequest("Flux " + fileName);
        request.setData(content);
        request.setFilename(fileName);
        request.setContentType("application/xml");
        As2TemporaryFolder.ensureExists();
        return new AS2Client().sendSynchronous(settings, request);
    }
}
