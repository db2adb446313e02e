package org.achemine.channel.sftp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed-login throttling: after {@code maxFailures} refused logins of one account from one address within
 * {@code block}, every login of that account from that address is refused until {@code block} has passed since
 * the last failure (even with the right key: a guesser learns nothing).
 */
public final class LoginThrottle {

    private final int maxFailures;
    private final Duration block;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration block, Clock clock) {
        this.maxFailures = maxFailures;
        this.block = block;
        this.clock = clock;
    }

    public boolean blocked(String account, String address) {
        Deque<Instant> recent = failures.get(key(account, address));
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            forgetOld(recent);
            return recent.size() >= maxFailures;
        }
    }

    public void failed(String account, String address) {
        Deque<Instant> recent = failures.computeIfAbsent(key(account, address), k -> new ArrayDeque<>());
        synchronized (recent) {
            forgetOld(recent);
            recent.addLast(clock.instant());
        }
    }

    private void forgetOld(Deque<Instant> recent) {
        Instant horizon = clock.instant().minus(block);
        if (!recent.isEmpty() && recent.peekLast().isBefore(horizon)) {
            recent.clear(); // blocked until block has passed since the last failure
        }
    }

    private static String key(String account, String address) {
        return account + '\u0000' + address;
    }
}
