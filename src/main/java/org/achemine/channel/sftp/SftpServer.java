package org.achemine.channel.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.achemine.partner.PartnerRegistry;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The embedded SFTP server: one account per partner (its code), public keys only, each partner's mailbox as
 * its root. Started with the engine ({@code run}) when {@code achemine.sftp.enabled}; its host key fingerprint
 * is logged at start.
 */
public class SftpServer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SftpServer.class);

    private final SshServer server;
    private final HostKey hostKey;
    private final SftpAudit audit;
    private final Path mailboxesRoot;

    public SftpServer(SftpProperties properties, HostKey hostKey, Path mailboxesRoot, PartnerRegistry partners,
                      SftpAudit audit, LoginThrottle throttle, long maxUploadSize) {
        this.hostKey = hostKey;
        this.audit = audit;
        this.mailboxesRoot = mailboxesRoot;
        server = SshServer.setUpDefaultServer();
        server.setHost(properties.bindAddress().getHostAddress());
        server.setPort(properties.port());
        server.setKeyPairProvider(hostKey.provider());
        server.setPublickeyAuthenticator(new PartnerKeyAuthenticator(partners, throttle, audit));
        server.setPasswordAuthenticator(null); // keys only
        server.setKeyboardInteractiveAuthenticator(null);
        server.setGSSAuthenticator(null);
        server.setHostBasedAuthenticator(null);
        server.setShellFactory(null); // no shell, no exec: only the sftp subsystem
        server.setCommandFactory(null);
        server.setForwardingFilter(org.apache.sshd.server.forward.RejectAllForwardingFilter.INSTANCE);
        server.setFileSystemFactory(new MailboxJail(mailboxesRoot));
        JailedFileAccess access = new JailedFileAccess(audit, maxUploadSize);
        SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().withFileSystemAccessor(access).build();
        sftp.addSftpEventListener(new HandleEvents(access));
        server.setSubsystemFactories(List.of(sftp));
        CoreModuleProperties.MAX_CONCURRENT_SESSIONS.set(server, properties.maxSessionsPerPartner());
        CoreModuleProperties.IDLE_TIMEOUT.set(server, properties.idleTimeout());
        CoreModuleProperties.MAX_AUTH_REQUESTS.set(server, properties.maxFailedLogins());
        server.addSessionListener(new SessionAudit());
    }

    /** The port it listens on (the one picked when configured with 0). */
    public int port() {
        return server.getPort();
    }

    public String fingerprint() {
        return hostKey.fingerprint();
    }

    @Override
    public void start() {
        try {
            int interrupted = UploadChannel.clearInterrupted(mailboxesRoot);
            if (interrupted > 0) {
                LOG.info("Removed {} upload(s) cut off by the last stop (never published)", interrupted);
            }
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("The SFTP server could not listen on " + server.getHost() + ":"
                    + server.getPort(), e);
        }
        LOG.info("SFTP server listening on {}:{}, host key {}", server.getHost(), server.getPort(), fingerprint());
    }

    @Override
    public void stop() {
        try {
            server.stop(true);
        } catch (IOException e) {
            LOG.warn("SFTP server stopped with an error: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return server.isStarted();
    }

    /** Connections and successful logins (refusals are audited by the authenticator). */
    private final class SessionAudit implements SessionListener {

        @Override
        public void sessionCreated(Session session) {
            audit.record(AuditEvent.CONNECT, null, String.valueOf(session.getRemoteAddress()), null, null, null);
        }

        @Override
        public void sessionEvent(Session session, Event event) {
            if (event == Event.Authenticated && session instanceof ServerSession server) {
                audit.record(AuditEvent.LOGIN_OK, server.getUsername(), PartnerKeyAuthenticator.remote(server), null,
                        null, null);
            }
        }
    }
}
