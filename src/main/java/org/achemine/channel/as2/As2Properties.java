package org.achemine.channel.as2;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The AS2 channel ({@code achemine.as2.*}); defaults in {@code application.yml}.
 *
 * @param enabled              serve the endpoint and push to partners with {@code run}
 * @param as2Id                our AS2 identifier (AS2-To of what partners send, AS2-From of what we send)
 * @param path                 the endpoint's path on the engine's HTTP port
 * @param keystore             our key pair and certificate (PKCS#12), created by {@code as2 init}
 * @param keystorePassword     the keystore's password (the file itself is readable by the engine's user only)
 * @param certificateValidity  how long the certificate {@code as2 init} makes is valid
 * @param encryption           the algorithm we encrypt with (as2-lib's ids: aes128-cbc, aes256-cbc, ...)
 * @param signing              the digest we sign with and ask MICs in (sha-256, ...)
 * @param requireEncrypted     refuse a message that is not encrypted
 * @param outboxInterval       how often the outbox is looked at
 * @param retryFirst           the wait after a first failed send, doubled at each failure ...
 * @param retryMax             ... up to this
 * @param connectTimeout       connecting to a partner's URL
 * @param responseTimeout      waiting for a partner's synchronous MDN
 */
@ConfigurationProperties("achemine.as2")
public record As2Properties(boolean enabled, String as2Id, String path, Path keystore, String keystorePassword,
                            Duration certificateValidity, String encryption, String signing, boolean requireEncrypted,
                            Duration outboxInterval, Duration retryFirst, Duration retryMax, Duration connectTimeout,
                            Duration responseTimeout) {
}
