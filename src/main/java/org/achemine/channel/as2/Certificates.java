package org.achemine.channel.as2;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/** X.509 certificates as partners exchange them (PEM or DER), their fingerprints and the validity check. */
public final class Certificates {

    private Certificates() {
    }

    /** Reads a PEM or DER certificate; anything else is refused with a message saying what was expected. */
    public static X509Certificate read(byte[] bytes) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(bytes));
        } catch (CertificateException | ClassCastException e) {
            throw new As2RefusedException("Ce fichier n'est pas un certificat X.509 (PEM ou DER attendu) : "
                    + e.getMessage(), e);
        }
    }

    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("A parsed certificate encodes again", e);
        }
    }

    /** SHA-256 of the DER encoding, hexadecimal, as most tools print it (without colons). */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("SHA-256 and DER are part of every JDK", e);
        }
    }

    /**
     * Refuses a certificate that is not valid at {@code now} (the platform's clock), naming whose it is and
     * its dates.
     */
    public static void checkValid(X509Certificate certificate, Instant now, String whose) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (now.isAfter(notAfter)) {
            throw new As2RefusedException("Le certificat " + whose + " a expiré le " + notAfter
                    + " : demandez-en un nouveau (" + certificate.getSubjectX500Principal().getName() + ")");
        }
        if (now.isBefore(notBefore)) {
            throw new As2RefusedException("Le certificat " + whose + " n'est valable qu'à partir du " + notBefore
                    + " (" + certificate.getSubjectX500Principal().getName() + ")");
        }
    }
}
