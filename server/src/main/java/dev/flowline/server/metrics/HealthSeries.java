package dev.flowline.server.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The last {@code capacity} {@link HealthSample}s in a ring buffer: the in-memory time series behind the health
 * charts (lost on restart; Prometheus keeps history). Thread-safe.
 */
public final class HealthSeries {

    private final HealthSample[] ring;
    private int next;
    private int size;

    public HealthSeries(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2, was " + capacity);
        }
        this.ring = new HealthSample[capacity];
    }

    public synchronized void add(HealthSample s) {
        ring[next] = s;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    /** The samples, oldest first. */
    public synchronized List<HealthSample> samples() {
        List<HealthSample> out = new ArrayList<>(size);
        int start = (next - size + ring.length) % ring.length;
        for (int i = 0; i < size; i++) {
            out.add(ring[(start + i) % ring.length]);
        }
        return out;
    }

    /** The most recent sample, or null before the first. */
    public synchronized HealthSample latest() {
        return size == 0 ? null : ring[(next - 1 + ring.length) % ring.length];
    }

    /** The samples as columns (one array per field, snake_case names, {@code t} in epoch seconds), as charts want. */
    public Map<String, Object> columns() {
        List<HealthSample> all = samples();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", column(all, HealthSample::epochSeconds));
        m.put("executions_per_second", column(all, HealthSample::executionsPerSecond));
        m.put("events_per_second", column(all, HealthSample::eventsPerSecond));
        m.put("queue_depth", column(all, HealthSample::queueDepth));
        m.put("in_flight", column(all, HealthSample::inFlight));
        m.put("p50_ms", column(all, HealthSample::p50Ms));
        m.put("p95_ms", column(all, HealthSample::p95Ms));
        m.put("p99_ms", column(all, HealthSample::p99Ms));
        m.put("worker_utilisation", column(all, HealthSample::workerUtilisation));
        m.put("pool_utilisation", column(all, HealthSample::poolUtilisation));
        m.put("heap_used_mb", column(all, HealthSample::heapUsedMb));
        m.put("heap_max_mb", column(all, HealthSample::heapMaxMb));
        m.put("process_cpu", column(all, HealthSample::processCpu));
        m.put("system_cpu", column(all, HealthSample::systemCpu));
        return m;
    }

    private static List<Object> column(List<HealthSample> all, Function<HealthSample, Object> f) {
        List<Object> out = new ArrayList<>(all.size());
        for (HealthSample s : all) {
            out.add(f.apply(s));
        }
        return out;
    }
}
