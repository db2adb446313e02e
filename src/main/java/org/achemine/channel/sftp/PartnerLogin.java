package org.achemine.channel.sftp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.achemine.partner.PartnerKey;
import org.achemine.partner.PartnerRegistry;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A partner's login, whatever its credential: the account is the partner code; a public key must be one of the
 * active partner's keys, a password (only when password login is on) must match its stored hash. Both are read
 * from the database at each attempt, so a key removed or a partner disabled takes effect at once. Refusals are
 * audited and throttled alike; a login that would open one session too many for its partner is refused and its
 * connection closed with the reason.
 */
final class PartnerLogin implements PublickeyAuthenticator, PasswordAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerLogin.class);

    private final PartnerRegistry partners;
    private final LoginThrottle throttle;
    private final SftpAudit audit;
    private final int maxSessionsPerPartner;
    private final Supplier<? extends List<? extends Session>> openSessions;

    PartnerLogin(PartnerRegistry partners, LoginThrottle throttle, SftpAudit audit, int maxSessionsPerPartner,
                 Supplier<? extends List<? extends Session>> openSessions) {
        this.partners = partners;
        this.throttle = throttle;
        this.audit = audit;
        this.maxSessionsPerPartner = maxSessionsPerPartner;
        this.openSessions = openSessions;
    }

    @Override
    public boolean authenticate(String account, PublicKey key, ServerSession session) {
        return login(account, session, () -> {
            List<PartnerKey> keys = partners.activeKeys(account);
            if (keys.stream().anyMatch(k -> SshKeys.matches(k, key))) {
                return Optional.empty();
            }
            return Optional.of((keys.isEmpty() ? "unknown or disabled account, or no key" : "key not registered")
                    + ": " + KeyUtils.getFingerPrint(key));
        });
    }

    @Override
    public boolean authenticate(String account, String password, ServerSession session) {
        return login(account, session, () -> partners.passwordMatches(account, password) ? Optional.empty()
                : Optional.of("password refused (unknown or disabled account, no password set, or a wrong one)"));
    }

    private boolean login(String account, ServerSession session, Supplier<Optional<String>> credentialRefusal) {
        String address = address(session);
        if (throttle.blocked(account, address)) {
            audit.record(AuditEvent.LOGIN_REFUSED, account, session, null, null,
                    "too many refused logins: blocked for a while");
            return false;
        }
        Optional<String> refusal = credentialRefusal.get();
        if (refusal.isPresent()) {
            throttle.failed(account, address);
            audit.record(AuditEvent.LOGIN_REFUSED, account, session, null, null, refusal.get());
            return false;
        }
        long open = openSessions.get().stream().filter(s -> s != session && s.isAuthenticated()
                && account.equals(s.getUsername())).count();
        if (open >= maxSessionsPerPartner) {
            String why = "too many sessions: " + open + " already open for " + account + ", at most "
                    + maxSessionsPerPartner;
            audit.record(AuditEvent.LOGIN_REFUSED, account, session, null, null, why);
            try {
                session.disconnect(SshConstants.SSH2_DISCONNECT_TOO_MANY_CONNECTIONS, why);
            } catch (IOException e) {
                LOG.debug("Closing a session over the limit: {}", e.toString());
            }
            return false;
        }
        return true;
    }

    private static String address(ServerSession session) {
        return session.getClientAddress() instanceof InetSocketAddress inet
                ? inet.getAddress().getHostAddress() : String.valueOf(session.getClientAddress());
    }
}
