package dev.flowline.server.metrics;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Execution durations since the last {@link #drain()}, summarised as percentiles: one point of the latency chart.
 * Keeps a uniform sample of at most {@code capacity} durations (reservoir sampling), so a busy interval costs
 * bounded memory. Thread-safe.
 */
final class LatencyWindow {

    /** Percentiles of one interval, in milliseconds; null fields when nothing finished. */
    record Percentiles(Double p50, Double p95, Double p99, long count) {
    }

    private final long[] sample;
    private int size;
    private long seen;

    LatencyWindow(int capacity) {
        this.sample = new long[capacity];
    }

    synchronized void record(long durationMs) {
        seen++;
        if (size < sample.length) {
            sample[size++] = durationMs;
        } else {
            long slot = ThreadLocalRandom.current().nextLong(seen);
            if (slot < sample.length) {
                sample[(int) slot] = durationMs;
            }
        }
    }

    /** The percentiles of the durations recorded since the last call, then starts a new interval. */
    synchronized Percentiles drain() {
        long[] sorted = Arrays.copyOf(sample, size);
        long count = seen;
        size = 0;
        seen = 0;
        if (sorted.length == 0) {
            return new Percentiles(null, null, null, 0);
        }
        Arrays.sort(sorted);
        return new Percentiles(at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), count);
    }

    private static Double at(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return (double) sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
