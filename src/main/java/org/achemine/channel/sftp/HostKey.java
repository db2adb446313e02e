package org.achemine.channel.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Iterator;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * The server's own key: generated once (ECDSA P-256, which every OpenSSH client knows) into the data folder,
 * then kept, so partners can pin its fingerprint.
 */
public final class HostKey {

    private final SimpleGeneratorHostKeyProvider provider;

    public HostKey(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder of the SFTP host key " + file, e);
        }
        provider = new SimpleGeneratorHostKeyProvider(file);
        provider.setAlgorithm(KeyUtils.EC_ALGORITHM);
        provider.setKeySize(256);
    }

    SimpleGeneratorHostKeyProvider provider() {
        return provider;
    }

    /** {@code SHA256:...}: what {@code ssh-keygen -l} and the client's first-connection prompt show. */
    public String fingerprint() {
        Iterator<KeyPair> keys = provider.loadKeys(null).iterator();
        if (!keys.hasNext()) {
            throw new IllegalStateException("No SFTP host key could be generated");
        }
        PublicKey key = keys.next().getPublic();
        return KeyUtils.getFingerPrint(key);
    }

    /** The public key as an OpenSSH line, for a partner's {@code known_hosts}. */
    public String publicKeyLine() {
        PublicKey key = provider.loadKeys(null).iterator().next().getPublic();
        return org.apache.sshd.common.config.keys.PublicKeyEntry.toString(key);
    }
}
