package org.achemine.channel.sftp;

import java.security.PublicKey;
import java.util.List;
import org.achemine.partner.PartnerKey;
import org.achemine.partner.PartnerRegistry;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;

/**
 * Public-key login: the account is the partner code; the key must be one of the active partner's keys
 * (read from the database at each attempt, so a key added or a partner disabled takes effect at once).
 * Refusals are audited and throttled.
 */
final class PartnerKeyAuthenticator implements PublickeyAuthenticator {

    private final PartnerRegistry partners;
    private final LoginThrottle throttle;
    private final SftpAudit audit;

    PartnerKeyAuthenticator(PartnerRegistry partners, LoginThrottle throttle, SftpAudit audit) {
        this.partners = partners;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public boolean authenticate(String account, PublicKey key, ServerSession session) {
        String address = address(session);
        if (throttle.blocked(account, address)) {
            audit.record(AuditEvent.LOGIN_REFUSED, account, remote(session), null, null,
                    "too many refused logins: blocked for a while");
            return false;
        }
        List<PartnerKey> keys = partners.activeKeys(account);
        if (keys.stream().anyMatch(k -> SshKeys.matches(k, key))) {
            return true;
        }
        throttle.failed(account, address);
        audit.record(AuditEvent.LOGIN_REFUSED, account, remote(session), null, null,
                (keys.isEmpty() ? "unknown or disabled account, or no key" : "key not registered") + ": "
                        + org.apache.sshd.common.config.keys.KeyUtils.getFingerPrint(key));
        return false;
    }

    static String remote(ServerSession session) {
        return String.valueOf(session.getClientAddress());
    }

    private static String address(ServerSession session) {
        return session.getClientAddress() instanceof java.net.InetSocketAddress inet
                ? inet.getAddress().getHostAddress() : String.valueOf(session.getClientAddress());
    }
}
