package org.achemine.channel.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.achemine.channel.ChannelArrivals;
import org.achemine.partner.PartnerRegistry;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.helpers.AbstractSession;
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
    private final PartnerRegistry partners;
    private final Duration accessCheckInterval;
    private ScheduledExecutorService accessChecks;

    public SftpServer(SftpProperties properties, HostKey hostKey, Path mailboxesRoot, PartnerRegistry partners,
                      SftpAudit audit, LoginThrottle throttle, long maxUploadSize, ChannelArrivals arrivals) {
        this.hostKey = hostKey;
        this.audit = audit;
        this.mailboxesRoot = mailboxesRoot;
        this.partners = partners;
        this.accessCheckInterval = properties.accessCheckInterval();
        server = SshServer.setUpDefaultServer();
        server.setHost(properties.bindAddress().getHostAddress());
        server.setPort(properties.port());
        server.setKeyPairProvider(hostKey.provider());
        PartnerLogin login = new PartnerLogin(partners, throttle, audit, properties.maxSessionsPerPartner(),
                server::getActiveSessions);
        server.setPublickeyAuthenticator(login);
        server.setPasswordAuthenticator(properties.passwordLogin() ? login : null); // keys only by default
        server.setKeyboardInteractiveAuthenticator(null);
        server.setGSSAuthenticator(null);
        server.setHostBasedAuthenticator(null);
        server.setShellFactory(null); // no shell, no exec: only the sftp subsystem
        server.setCommandFactory(null);
        server.setForwardingFilter(org.apache.sshd.server.forward.RejectAllForwardingFilter.INSTANCE);
        server.setFileSystemFactory(new MailboxJail(mailboxesRoot));
        JailedFileAccess access = new JailedFileAccess(audit, maxUploadSize, arrivals);
        SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().withFileSystemAccessor(access)
                .withSftpErrorStatusDataHandler(new RefusalMessages()).build();
        sftp.addSftpEventListener(new HandleEvents(access));
        server.setSubsystemFactories(List.of(sftp));
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
            accessChecks = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "sftp-access-check");
                thread.setDaemon(true);
                return thread;
            });
            long every = accessCheckInterval.toMillis();
            accessChecks.scheduleWithFixedDelay(this::closeSessionsOfDisabledPartners, every, every,
                    TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("The SFTP server could not listen on " + server.getHost() + ":"
                    + server.getPort(), e);
        }
        LOG.info("SFTP server listening on {}:{}, host key {}", server.getHost(), server.getPort(), fingerprint());
    }

    @Override
    public void stop() {
        if (accessChecks != null) {
            accessChecks.shutdownNow();
        }
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

    /**
     * Closes the live sessions of partners disabled since they logged in (by command, by the console, by another
     * node): a disabled partner keeps no access. Runs every {@code access-check-interval}.
     */
    void closeSessionsOfDisabledPartners() {
        try {
            Set<String> active = partners.activeCodes();
            for (AbstractSession session : server.getActiveSessions()) {
                if (session.isAuthenticated() && !active.contains(session.getUsername())) {
                    session.disconnect(SshConstants.SSH2_DISCONNECT_BY_APPLICATION,
                            "partner " + session.getUsername() + " disabled");
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Checking the SFTP sessions against the partners' state failed (next check in {}): {}",
                    accessCheckInterval, e.toString());
        }
    }

    /**
     * Connections, successful logins and sessions the server closed (idle timeout, partner disabled); refusals
     * are audited by {@link PartnerLogin}.
     */
    private final class SessionAudit implements SessionListener {

        @Override
        public void sessionCreated(Session session) {
            audit.record(AuditEvent.CONNECT, null, session, null, null, null);
        }

        @Override
        public void sessionEvent(Session session, Event event) {
            if (event == Event.Authenticated && session instanceof ServerSession server) {
                audit.record(AuditEvent.LOGIN_OK, server.getUsername(), server, null, null, null);
            }
        }

        @Override
        public void sessionDisconnect(Session session, int reason, String message, String language,
                                      boolean initiator) {
            if (initiator && session.isAuthenticated()) {
                audit.record(AuditEvent.CLOSED, session.getUsername(), session, null, null, message);
            }
        }
    }
}
