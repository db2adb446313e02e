package org.achemine.channel.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.integration.sftp.session.DefaultSftpSessionFactory;

/**
 * A supplier's system built on Spring Integration SFTP (MINA SSHD's client underneath), trusting only the engine's
 * host key: each {@code getSession()} is a connection of its own.
 */
final class SupplierSystem {

    private SupplierSystem() {
    }

    static DefaultSftpSessionFactory withKey(String account, Path key, int port, String hostKeyLine, Path workDir) {
        DefaultSftpSessionFactory sessions = trusting(account, port, hostKeyLine, workDir);
        sessions.setPrivateKey(new FileSystemResource(key));
        return sessions;
    }

    static DefaultSftpSessionFactory withPassword(String account, String password, int port, String hostKeyLine,
                                                  Path workDir) {
        DefaultSftpSessionFactory sessions = trusting(account, port, hostKeyLine, workDir);
        sessions.setPassword(password);
        return sessions;
    }

    private static DefaultSftpSessionFactory trusting(String account, int port, String hostKeyLine, Path workDir) {
        try {
            Path knownHosts = Files.writeString(workDir.resolve("si-known_hosts-" + port),
                    "[127.0.0.1]:" + port + " " + hostKeyLine + "\n");
            DefaultSftpSessionFactory sessions = new DefaultSftpSessionFactory(false);
            sessions.setHost("127.0.0.1");
            sessions.setPort(port);
            sessions.setUser(account);
            sessions.setKnownHostsResource(new FileSystemResource(knownHosts));
            return sessions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
