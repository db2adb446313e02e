package org.achemine.channel.as2;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.achemine.archive.AtomicFiles;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Our AS2 key pair and its self-signed certificate, in a PKCS#12 keystore of the data folder: created once by
 * {@code as2 init}, then read at every start. Partners encrypt to this certificate and check our signatures
 * (receipts, and what we push to them) with it.
 */
public final class OwnKeys {

    static final String ALIAS = "achemine";

    private final X509Certificate certificate;
    private final PrivateKey privateKey;

    private OwnKeys(X509Certificate certificate, PrivateKey privateKey) {
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    /** A key and its certificate already at hand (a partner's system in tests answers receipts with its own). */
    static OwnKeys of(X509Certificate certificate, PrivateKey privateKey) {
        return new OwnKeys(certificate, privateKey);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    /**
     * Creates the key pair (RSA 3072) and a certificate for {@code as2Id} valid from now for {@code validity},
     * written atomically; an existing keystore is never replaced (partners hold its certificate).
     */
    public static OwnKeys create(As2Properties properties, Clock clock) {
        Path file = properties.keystore();
        if (Files.exists(file)) {
            throw new As2RefusedException("Le magasin de clés AS2 existe déjà (" + file + ") : il n'est jamais"
                    + " remplacé, vos partenaires ont son certificat");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(3072, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            Instant from = clock.instant();
            X500Principal subject = new X500Principal("CN=" + properties.as2Id() + ", O=achemine");
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()),
                            Date.from(from), Date.from(from.plus(properties.certificateValidity())), subject,
                            pair.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, pair.getPrivate(), password(properties),
                    new Certificate[] {certificate});
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                store.store(out, password(properties));
            }
            AtomicFiles.publishNew(temporary, file);
            return new OwnKeys(certificate, pair.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Could not create the AS2 keystore " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the keystore: refused when it is missing ({@code as2 init} first), when its key does not match its
     * certificate, or when the certificate is not valid now.
     */
    public static OwnKeys load(As2Properties properties, Clock clock) {
        Path file = properties.keystore();
        if (!Files.exists(file)) {
            throw new As2RefusedException("Pas de magasin de clés AS2 (" + file + ") : lancez d'abord « as2 init »");
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password(properties));
            if (!(store.getKey(ALIAS, password(properties)) instanceof PrivateKey key)
                    || !(store.getCertificate(ALIAS) instanceof X509Certificate certificate)) {
                throw new As2RefusedException("Le magasin de clés AS2 " + file + " n'a pas d'entrée « " + ALIAS + " »");
            }
            if (!matches(key, certificate)) {
                throw new As2RefusedException("Dans " + file + ", la clé privée ne correspond pas au certificat :"
                        + " le magasin a été modifié, refaites-le (as2 init) et redonnez le certificat aux partenaires");
            }
            Certificates.checkValid(certificate, clock.instant(), "AS2 d'achemine");
            return new OwnKeys(certificate, key);
        } catch (GeneralSecurityException | IOException e) {
            throw new As2RefusedException("Le magasin de clés AS2 " + file + " ne s'ouvre pas (mot de passe"
                    + " achemine.as2.keystore-password ?) : " + e.getMessage(), e);
        }
    }

    /** Whether a private key signs what the certificate's public key verifies. */
    static boolean matches(PrivateKey key, X509Certificate certificate) throws GeneralSecurityException {
        byte[] probe = "achemine".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.security.Signature signer = java.security.Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        java.security.Signature verifier = java.security.Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(probe);
        return verifier.verify(signature);
    }

    boolean isOurs(X509Certificate other) {
        return Arrays.equals(other.getPublicKey().getEncoded(), certificate.getPublicKey().getEncoded());
    }

    private static char[] password(As2Properties properties) {
        return properties.keystorePassword().toCharArray();
    }
}
