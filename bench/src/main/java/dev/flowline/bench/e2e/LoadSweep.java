package dev.flowline.bench.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Throughput and latency versus offered load, for Flowline and the naive baseline, alternating at each load level
 * (Flowline at 250/s, naive at 250/s, Flowline at 500/s, ...), each on its own store; writes the plot. Not
 * thread-safe.
 */
final class LoadSweep {

    private LoadSweep() {
    }

    static List<Map<String, Object>> run(Runs runs, List<Double> rates, int seconds, Path plot) throws Exception {
        List<Map<String, Object>> points = new ArrayList<>();
        List<double[]> flowline = new ArrayList<>();
        List<double[]> naive = new ArrayList<>();
        try (Pipeline f = runs.open(false, "sweep-flowline"); Pipeline n = runs.open(true, "sweep-naive")) {
            int level = 0;
            for (double rate : rates) {
                int orders = (int) Math.max(1, Math.round(rate * seconds / OrderDay.EVENTS_PER_ORDER));
                for (boolean isNaive : new boolean[] {false, true}) {
                    runs.report().progress("sweep: %s at %,.0f events/s for %d s", isNaive ? "naive" : "flowline",
                            rate, seconds);
                    PhaseResult r = Phase.run(isNaive ? n : f, runs.heap(), runs.report(), "s" + level + "x", orders,
                            rate, isNaive ? 8 : 1, isNaive ? 1 : runs.batch());
                    Map<String, Object> point = new LinkedHashMap<>();
                    point.put("engine", isNaive ? "naive" : "flowline");
                    point.put("offered_events_per_s", rate);
                    point.put("executions_per_s", dev.flowline.bench.Report.round(r.executionsPerSecond()));
                    point.put("latency_ms_p50", r.p50Ms());
                    point.put("latency_ms_p99", r.p99Ms());
                    points.add(point);
                    (isNaive ? naive : flowline).add(new double[] {rate, r.executionsPerSecond(), r.p50Ms(), r.p99Ms()});
                    runs.report().progress("  %,.0f executions/s, p50 %.1f ms, p99 %.1f ms", r.executionsPerSecond(),
                            r.p50Ms(), r.p99Ms());
                }
                level++;
            }
        }
        if (plot != null) {
            LoadPlot.write(plot, flowline, naive);
            runs.report().progress("plot written to %s", plot.toAbsolutePath());
        }
        return points;
    }
}
