package dev.flowline.action;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently an action is retried: exponential backoff with jitter.
 *
 * <p>Attempt {@code n} (1-based) that fails waits {@code backoff * multiplier^(n-1)}, capped at {@code maxBackoff},
 * then randomised by up to {@code jitter} of itself either way, before attempt {@code n+1}. Immutable.
 *
 * @param maxAttempts total attempts, at least 1 (1 means no retry)
 * @param backoff     wait after the first failure
 * @param multiplier  growth factor of the wait
 * @param maxBackoff  the longest wait
 * @param jitter      fraction (0..1) by which each wait is randomised
 */
public record RetryPolicy(int maxAttempts, Duration backoff, double multiplier, Duration maxBackoff, double jitter) {

    /** One attempt, no retry. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 2.0, Duration.ZERO, 0.0);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
        }
    }

    /** Policy with the usual multiplier (2), cap (30 s) and jitter (0.2). */
    public static RetryPolicy of(int maxAttempts, Duration backoff) {
        return new RetryPolicy(maxAttempts, backoff, 2.0, Duration.ofSeconds(30), 0.2);
    }

    /** The wait after failed attempt {@code attempt} (1-based). */
    public Duration delayAfter(int attempt) {
        double base = backoff.toNanos() * Math.pow(multiplier, attempt - 1);
        double capped = Math.min(base, maxBackoff.isZero() ? base : maxBackoff.toNanos());
        double spread = capped * jitter;
        double jittered = capped + (spread == 0 ? 0 : ThreadLocalRandom.current().nextDouble(-spread, spread));
        return Duration.ofNanos((long) Math.max(0, jittered));
    }
}
