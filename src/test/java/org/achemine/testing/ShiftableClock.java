package org.achemine.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A running UTC clock a test moves ahead by hand, for an engine that must keep ticking (polls, triggers) while a
 * deadline is passed without waiting: the machine's time plus an offset (the configured platform offset to start).
 */
public final class ShiftableClock extends Clock {

    private volatile Duration offset;

    public ShiftableClock(Duration offset) {
        this.offset = offset;
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public ZoneOffset getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Clock.systemUTC().instant().plus(offset);
    }
}
