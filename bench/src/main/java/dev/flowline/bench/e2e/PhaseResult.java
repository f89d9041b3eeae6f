package dev.flowline.bench.e2e;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one phase of the end-to-end benchmark. Immutable.
 *
 * @param orders          orders sent
 * @param events          events accepted
 * @param executions      executions finished
 * @param failed          executions that failed
 * @param acceptSeconds   from the first send to the last acknowledgement
 * @param seconds         from the first send to the last execution finished
 * @param p50Ms           trigger-to-completion latency percentiles (from the first attempt to send the event to the
 *                        execution's end)
 * @param p95Ms           95th percentile
 * @param p99Ms           99th percentile
 * @param conditionShare  share of execution time spent on conditions
 * @param actionMs        per action type: mean milliseconds
 * @param cpuSeconds      process CPU time used
 * @param peakHeapMib     highest sampled heap use
 * @param offeredRate     events/s offered, or 0 for as fast as possible
 * @param overloadRetries times a producer was told "overloaded" and backed off
 */
record PhaseResult(int orders, long events, long executions, long failed, double acceptSeconds, double seconds,
                   double p50Ms, double p95Ms, double p99Ms, double conditionShare, Map<String, Double> actionMs,
                   double cpuSeconds, double peakHeapMib, double offeredRate, long overloadRetries) {

    double eventsPerSecond() {
        return events / acceptSeconds;
    }

    double executionsPerSecond() {
        return executions / seconds;
    }

    /** The JSON-ready figures, snake_case. */
    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orders", orders);
        m.put("events", events);
        m.put("executions", executions);
        m.put("failed_executions", failed);
        m.put("events_per_s", eventsPerSecond());
        m.put("executions_per_s", executionsPerSecond());
        m.put("duration_s", seconds);
        m.put("latency_ms_p50", p50Ms);
        m.put("latency_ms_p95", p95Ms);
        m.put("latency_ms_p99", p99Ms);
        m.put("condition_time_share", conditionShare);
        m.put("action_mean_ms", actionMs);
        m.put("cpu_s", cpuSeconds);
        m.put("peak_heap_mib", peakHeapMib);
        if (offeredRate > 0) {
            m.put("offered_events_per_s", offeredRate);
        }
        m.put("overload_retries", overloadRetries);
        m.replaceAll((k, v) -> v instanceof Double d ? (Double.isFinite(d) ? dev.flowline.bench.Report.round(d) : null) : v);
        return m;
    }
}
