package org.achemine.channel.sftp;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded SFTP server ({@code achemine.sftp.*}); defaults in {@code application.yml}.
 *
 * @param enabled               start the server with {@code run}
 * @param port                  listening port (0: any free port, for tests)
 * @param bindAddress           listening address (loopback by default: open it on purpose)
 * @param hostKey               the server's key, generated on first start and kept (its fingerprint is what
 *                              partners check)
 * @param maxSessionsPerPartner sessions one partner may have open at once
 * @param idleTimeout           a session idle this long is closed
 * @param maxFailedLogins       refused logins of one account from one address before it is blocked
 * @param loginBlock            how long such an account and address stay blocked
 * @param passwordLogin         also accept a partner's password ({@code partner password set}); off by default
 * @param accessCheckInterval   how often live sessions are checked against their partner's state (a disabled
 *                              partner's sessions are closed)
 */
@ConfigurationProperties("achemine.sftp")
public record SftpProperties(boolean enabled, int port, InetAddress bindAddress, Path hostKey,
                             int maxSessionsPerPartner, Duration idleTimeout, int maxFailedLogins,
                             Duration loginBlock, boolean passwordLogin, Duration accessCheckInterval) {
}
