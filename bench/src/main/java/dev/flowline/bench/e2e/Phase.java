package dev.flowline.bench.e2e;

import dev.flowline.bench.Report;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one phase of the end-to-end benchmark on a pipeline: sends the orders' events (flat out or at a rate), waits
 * until every execution has finished, and collects the figures. Not thread-safe.
 */
final class Phase {

    private Phase() {
    }

    /**
     * @param prefix    makes this phase's event ids unique in the store
     * @param rate      events/s, or 0 for as fast as intake takes them
     * @param producers threads sending events
     * @param batch     events per intake call (flat out; at a rate, batches are smaller)
     */
    static PhaseResult run(Pipeline pipeline, HeapSampler heap, Report report, String prefix, int orders, double rate,
                           int producers, int batch) throws InterruptedException {
        Metrics metrics = new Metrics(new OrderDay(prefix), orders);
        pipeline.measureInto(metrics);
        LoadDriver driver = new LoadDriver(pipeline.intake(), metrics, producers, batch);
        System.gc();
        heap.reset();
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        Thread ticker = Thread.ofPlatform().daemon().name("bench-progress").start(() -> {
            try {
                while (true) {
                    Thread.sleep(5_000);
                    report.progress("  %,d of %,d events accepted, %,d executions finished, backlog %,d, "
                            + "commits: %,d of events, %,d of other writes", driver.sent(),
                            (long) orders * OrderDay.EVENTS_PER_ORDER, metrics.executions(),
                            pipeline.dispatcher().backlog(), pipeline.store().commitCount(),
                            pipeline.store().batchedWriteCommits());
                }
            } catch (InterruptedException e) {
                // phase over
            }
        });
        long accepted;
        try {
            driver.run(orders, rate);
            accepted = System.nanoTime();
            pipeline.awaitIdle();
        } finally {
            ticker.interrupt();
        }
        long end = Math.max(metrics.lastFinishedNanos(), accepted);
        double cpu = (cpuNanos() - cpu0) / 1e9;
        double[] p = metrics.percentilesMs(50, 95, 99);
        Map<String, Double> actionMs = new LinkedHashMap<>();
        metrics.actionTimes().forEach((type, t) -> actionMs.put(type, dev.flowline.bench.Report.round(t[1])));
        return new PhaseResult(orders, driver.sent(), metrics.executions(), metrics.failed(), (accepted - t0) / 1e9,
                (end - t0) / 1e9, p[0], p[1], p[2], metrics.conditionShare(), actionMs, cpu, heap.peakMib(), rate,
                driver.overloadRetries());
    }

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
