package dev.flowline.bench.e2e;

import dev.flowline.execution.ActionRecord;
import dev.flowline.execution.ExecutionRecord;
import dev.flowline.execution.ExecutionStatus;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one phase of the end-to-end benchmark measured: when each event was sent, and for each finished execution
 * its trigger-to-completion latency, condition time, duration and time per action type. Fixed-size arrays, so
 * recording allocates nothing per execution beyond the action-type counters. Thread-safe.
 */
final class Metrics {

    private final OrderDay day;
    private final long[] sentNanos;
    private final int[] latencyMicros;
    private final AtomicInteger executions = new AtomicInteger();
    private final AtomicInteger foreign = new AtomicInteger();
    private final LongAdder failed = new LongAdder();
    private final LongAdder conditionMicros = new LongAdder();
    private final LongAdder executionMicros = new LongAdder();
    private final Map<String, LongAdder[]> actions = new ConcurrentHashMap<>();
    private final AtomicLong lastFinished = new AtomicLong();

    /** @param orders the orders of this phase (sizes the arrays) */
    Metrics(OrderDay day, int orders) {
        this.day = day;
        this.sentNanos = new long[orders * OrderDay.EVENTS_PER_ORDER];
        this.latencyMicros = new int[orders * 12];
    }

    OrderDay day() {
        return day;
    }

    /** The first {@code count} events of {@code indexes} (positions from {@link OrderDay#index}) are sent now. */
    void sent(long[] indexes, int count, long nanos) {
        for (int i = 0; i < count; i++) {
            sentNanos[(int) indexes[i]] = nanos;
        }
    }

    void record(ExecutionRecord r) {
        long now = System.nanoTime();
        long idx = day.index(r.eventId());
        if (idx < 0 || idx >= sentNanos.length) {
            foreign.incrementAndGet();
            return;
        }
        int n = executions.getAndIncrement();
        if (n < latencyMicros.length) {
            latencyMicros[n] = (int) Math.min(Integer.MAX_VALUE, (now - sentNanos[(int) idx]) / 1000);
        }
        lastFinished.accumulateAndGet(now, Math::max);
        if (r.status() != ExecutionStatus.SUCCEEDED) {
            failed.increment();
        }
        conditionMicros.add(r.conditionTimeUs());
        if (r.startedAt() != null && r.finishedAt() != null) {
            executionMicros.add(Duration.between(r.startedAt(), r.finishedAt()).toNanos() / 1000);
        }
        for (ActionRecord a : r.actions()) {
            if (a.startedAt() != null && a.finishedAt() != null) {
                LongAdder[] t = actions.computeIfAbsent(a.type(), k -> new LongAdder[] {new LongAdder(), new LongAdder()});
                t[0].increment();
                t[1].add(Duration.between(a.startedAt(), a.finishedAt()).toNanos() / 1000);
            }
        }
    }

    int executions() {
        return executions.get();
    }

    long failed() {
        return failed.sum();
    }

    long lastFinishedNanos() {
        return lastFinished.get();
    }


    /** The latency percentiles in milliseconds, in the order asked. */
    double[] percentilesMs(double... ps) {
        int n = Math.min(executions.get(), latencyMicros.length);
        int[] sorted = Arrays.copyOf(latencyMicros, n);
        Arrays.sort(sorted);
        double[] out = new double[ps.length];
        for (int i = 0; i < ps.length; i++) {
            out[i] = n == 0 ? Double.NaN : sorted[(int) Math.min(n - 1, Math.ceil(ps[i] / 100 * n) - 1)] / 1000.0;
        }
        return out;
    }

    /** Share of execution time (which starts with condition evaluation) spent evaluating conditions. */
    double conditionShare() {
        long total = executionMicros.sum();
        return total == 0 ? 0 : (double) conditionMicros.sum() / total;
    }

    /** Per action type: {count, mean milliseconds}. */
    Map<String, double[]> actionTimes() {
        Map<String, double[]> out = new TreeMap<>();
        actions.forEach((type, t) -> out.put(type, new double[] {t[0].sum(), t[0].sum() == 0 ? 0
                : t[1].sum() / 1000.0 / t[0].sum()}));
        return out;
    }
}
