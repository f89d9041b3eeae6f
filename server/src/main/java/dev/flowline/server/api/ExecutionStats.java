package dev.flowline.server.api;

import dev.flowline.execution.ExecutionRecord;
import dev.flowline.execution.ExecutionStatus;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Throughput, success rate and latency percentiles over a sliding window of recent executions. Bounded memory:
 * at most {@code capacity} executions are kept. Thread-safe.
 */
public final class ExecutionStats {

    private record Sample(long finishedAtMillis, long durationMs, boolean succeeded) {
    }

    private final Clock clock;
    private final Duration window;
    private final int capacity;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private long total;
    private long failedTotal;

    public ExecutionStats(Clock clock, Duration window, int capacity) {
        this.clock = clock;
        this.window = window;
        this.capacity = capacity;
    }

    public synchronized void record(ExecutionRecord r) {
        if (samples.size() == capacity) {
            samples.removeFirst();
        }
        samples.addLast(new Sample(clock.millis(), r.durationMs(), r.status() == ExecutionStatus.SUCCEEDED));
        total++;
        if (r.status() == ExecutionStatus.FAILED) {
            failedTotal++;
        }
    }

    /** The figures as JSON-ready values. */
    public synchronized Map<String, Object> snapshot() {
        long now = clock.millis();
        long from = now - window.toMillis();
        while (!samples.isEmpty() && samples.peekFirst().finishedAtMillis() < from) {
            samples.removeFirst();
        }
        long lastMinute = 0;
        long succeeded = 0;
        long[] durations = new long[samples.size()];
        int i = 0;
        for (Sample s : samples) {
            durations[i++] = s.durationMs();
            if (s.succeeded()) {
                succeeded++;
            }
            if (s.finishedAtMillis() >= now - 60_000) {
                lastMinute++;
            }
        }
        Arrays.sort(durations);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("window_seconds", window.toSeconds());
        m.put("executions_in_window", durations.length);
        m.put("executions_per_minute", lastMinute);
        m.put("success_rate", durations.length == 0 ? null : (double) succeeded / durations.length);
        m.put("execution_ms_p50", percentile(durations, 0.50));
        m.put("execution_ms_p95", percentile(durations, 0.95));
        m.put("execution_ms_p99", percentile(durations, 0.99));
        m.put("executions_total", total);
        m.put("failed_total", failedTotal);
        return m;
    }

    private static Long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return null;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
