package org.achemine.channel.as2;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A key pair and self-signed certificate for a test's AS2 party. Validity is wide around the machine's time (or
 * wholly in the past for an expired one), so a platform clock shifted by a year either way changes nothing.
 */
public record TestKeys(String alias, KeyPair pair, X509Certificate certificate) {

    static final String PASSWORD = "test";
    private static final Duration YEAR = Duration.ofDays(365);

    // certificates are checked by the JDK and BouncyCastle against the real time, not the platform's clock:
    // years of margin either side keep them valid (or expired) whatever the shift of the tests' clock
    public static TestKeys valid(String alias) {
        Instant now = Instant.now();
        return make(alias, now.minus(YEAR.multipliedBy(3)), now.plus(YEAR.multipliedBy(5)));
    }

    static TestKeys expired(String alias) {
        Instant now = Instant.now();
        return make(alias, now.minus(YEAR.multipliedBy(20)), now.minus(YEAR.multipliedBy(10)));
    }

    static TestKeys make(String alias, Instant from, Instant to) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            X500Principal subject = new X500Principal("CN=" + alias);
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(System.nanoTime()), Date.from(from),
                            Date.from(to), subject, pair.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return new TestKeys(alias, pair, certificate);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] pem() {
        return Certificates.pem(certificate).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** A PKCS#12 keystore with this key under its alias (the form as2-lib's client reads). */
    byte[] keystore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, pair.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {certificate});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, PASSWORD.toCharArray());
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes this key as achemine's own keystore (alias and password as the engine reads them). */
    public void writeAsEngineKeystore(Path file, String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(OwnKeys.ALIAS, pair.getPrivate(), password.toCharArray(), new Certificate[] {certificate});
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
