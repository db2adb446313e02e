package org.achemine.soak;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * The soak's partners uploading over SFTP ({@code scripts/soak.sh --sftp}), one key each: an upload counts as
 * dropped only once the server acknowledged its close; an upload the engine's kill cut off is sent again, whole,
 * under the same name, once the engine is back.
 */
final class SftpDrops implements SoakFlows.Transport, AutoCloseable {

    private static final Duration GIVE_UP = Duration.ofMinutes(5);

    private final int port;
    private final Map<String, KeyPair> keys = new HashMap<>();
    private final Map<String, ClientSession> sessions = new HashMap<>();
    private final SshClient client;
    private int failedAttempts;
    private int retriedUploads;

    SftpDrops(int port, List<String> partners) throws GeneralSecurityException {
        this.port = port;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        for (String partner : partners) {
            keys.put(partner, generator.generateKeyPair());
        }
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE); // the soak checks delivery, not trust
        client.start();
    }

    /** Writes each partner's public key to {@code folder}/{@code <partner>.pub}, for {@code partner key add}. */
    Map<String, Path> writePublicKeys(Path folder) throws IOException {
        Map<String, Path> files = new HashMap<>();
        for (Map.Entry<String, KeyPair> key : keys.entrySet()) {
            files.put(key.getKey(), Files.writeString(folder.resolve(key.getKey() + ".pub"),
                    PublicKeyEntry.toString(key.getValue().getPublic()) + " soak\n"));
        }
        return files;
    }

    /** Attempts that failed (engine killed, down or starting), each followed by another. */
    int failedAttempts() {
        return failedAttempts;
    }

    /** Uploads that needed more than one attempt. */
    int retriedUploads() {
        return retriedUploads;
    }

    @Override
    public synchronized void deliver(Path inbox, String partner, String name, byte[] bytes) throws IOException {
        Instant giveUp = Instant.now().plus(GIVE_UP);
        boolean retried = false;
        while (true) {
            try {
                try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session(partner));
                     OutputStream out = sftp.write("in/" + name)) {
                    out.write(bytes);
                }
                if (retried) {
                    retriedUploads++;
                }
                return; // the close was acknowledged: the file is published
            } catch (IOException | RuntimeException engineDown) {
                failedAttempts++;
                retried = true;
                ClientSession broken = sessions.remove(partner);
                if (broken != null) {
                    broken.close(true);
                }
                if (Instant.now().isAfter(giveUp)) {
                    throw new IOException("SFTP upload of " + name + " failed for " + GIVE_UP, engineDown);
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

    private ClientSession session(String partner) throws IOException {
        ClientSession session = sessions.get(partner);
        if (session != null && session.isOpen()) {
            return session;
        }
        session = client.connect(partner, "127.0.0.1", port).verify(Duration.ofSeconds(10)).getSession();
        session.addPublicKeyIdentity(keys.get(partner));
        session.auth().verify(Duration.ofSeconds(10));
        sessions.put(partner, session);
        return session;
    }

    @Override
    public void close() throws IOException {
        for (ClientSession session : sessions.values()) {
            session.close(true);
        }
        client.stop();
    }
}
