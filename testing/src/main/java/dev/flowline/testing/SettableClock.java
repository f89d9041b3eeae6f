package dev.flowline.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A {@link Clock} that stands still until a test moves it, so tests control time instead of waiting for it.
 *
 * <p>It always reports UTC; code that needs a local time converts with the zone it is given. Thread-safe.
 */
public final class SettableClock extends Clock {

    private volatile Instant now;

    /** A clock standing at {@code start}. */
    public SettableClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** Moves the clock to {@code instant} (backwards too, if a test needs it). */
    public void set(Instant instant) {
        this.now = Objects.requireNonNull(instant, "instant");
    }

    /** Moves the clock forward by {@code duration}. */
    public synchronized void advance(Duration duration) {
        this.now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a SettableClock is always UTC");
    }
}
