package org.achemine.channel.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.achemine.testing.MutableClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void blocksAnAccountFromAnAddressAfterTooManyRefusalsUntilTheBlockHasPassed() {
        MutableClock clock = new MutableClock(START);
        LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(15), clock);

        // given three refused logins of FOU001 from one address
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.blocked("FOU001", "10.0.0.5")).isFalse();
            throttle.failed("FOU001", "10.0.0.5");
        }

        // then that account is blocked from that address, not from another, nor another account
        assertThat(throttle.blocked("FOU001", "10.0.0.5")).isTrue();
        assertThat(throttle.blocked("FOU001", "10.0.0.6")).isFalse();
        assertThat(throttle.blocked("OPE001", "10.0.0.5")).isFalse();

        // and it stays blocked until 15 minutes have passed since the last refusal
        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.blocked("FOU001", "10.0.0.5")).isTrue();
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(throttle.blocked("FOU001", "10.0.0.5")).isFalse();
    }
}
