package dev.flowline.action;

import java.time.Duration;

/**
 * Circuit-breaker settings for webhook target hosts: after {@code failureRatePercent} of the last
 * {@code windowSize} calls to a host failed (at least {@code minimumCalls} of them), calls to it fail fast with
 * {@code circuit_open} for {@code openFor}; then {@code halfOpenCalls} probe calls decide whether it closes again.
 *
 * @param windowSize         calls remembered per host
 * @param minimumCalls       calls needed before the rate counts
 * @param failureRatePercent failure rate that opens the breaker
 * @param openFor            how long an open breaker fails fast
 * @param halfOpenCalls      probe calls allowed when half-open
 */
public record BreakerSettings(int windowSize, int minimumCalls, float failureRatePercent, Duration openFor,
                              int halfOpenCalls) {

    /** Window 10, at least 5 calls, 50 % failures, open for 30 s, 2 probes. */
    public static final BreakerSettings DEFAULT = new BreakerSettings(10, 5, 50f, Duration.ofSeconds(30), 2);

    public BreakerSettings {
        if (windowSize < 1 || minimumCalls < 1 || halfOpenCalls < 1) {
            throw new IllegalArgumentException("windowSize, minimumCalls and halfOpenCalls must be at least 1");
        }
        if (failureRatePercent <= 0 || failureRatePercent > 100) {
            throw new IllegalArgumentException("failureRatePercent must be in (0, 100], was " + failureRatePercent);
        }
        if (openFor == null || openFor.isNegative() || openFor.isZero()) {
            throw new IllegalArgumentException("openFor must be positive, was " + openFor);
        }
    }
}
