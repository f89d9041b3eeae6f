package dev.flowline.server.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Clock;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Takes a {@link HealthSample} of the running service and adds it to a {@link HealthSeries}; run it periodically.
 * Not thread-safe: one thread calls {@link #run()} (it keeps the previous counts to compute rates).
 */
final class HealthSampler implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthSampler.class);
    private static final double MIB = 1024.0 * 1024.0;

    /**
     * Where the figures come from.
     *
     * @param queueDepth      accepted events not yet processed
     * @param inFlight        events in the engine
     * @param maxInFlight     most events the engine takes at once
     * @param poolUtilisation active / maximum connections of the application pool, or null without one
     */
    record Sources(LongSupplier queueDepth, LongSupplier inFlight, int maxInFlight, DoubleSupplier poolUtilisation) {
    }

    private final Clock clock;
    private final Sources sources;
    private final LongSupplier executions;
    private final DoubleSupplier eventsReceived;
    private final LatencyWindow latency;
    private final HealthSeries series;
    private long lastMillis;
    private long lastExecutions;
    private double lastEvents;

    HealthSampler(Clock clock, Sources sources, LongSupplier executions, DoubleSupplier eventsReceived,
                  LatencyWindow latency, HealthSeries series) {
        this.clock = clock;
        this.sources = sources;
        this.executions = executions;
        this.eventsReceived = eventsReceived;
        this.latency = latency;
        this.series = series;
        this.lastMillis = clock.millis();
        this.lastExecutions = executions.getAsLong();
        this.lastEvents = eventsReceived.getAsDouble();
    }

    @Override
    public void run() {
        try {
            series.add(sample());
        } catch (RuntimeException e) {
            // a failing sample must not end the periodic task
            LOG.warn("health sample failed", e);
        }
    }

    HealthSample sample() {
        long now = clock.millis();
        double seconds = Math.max(0.001, (now - lastMillis) / 1000.0);
        long execs = executions.getAsLong();
        double events = eventsReceived.getAsDouble();
        LatencyWindow.Percentiles p = latency.drain();
        long inFlight = sources.inFlight().getAsLong();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        HealthSample s = new HealthSample(now / 1000, (execs - lastExecutions) / seconds, (events - lastEvents) / seconds,
                sources.queueDepth().getAsLong(), inFlight, p.p50(), p.p95(), p.p99(),
                Math.min(1.0, (double) inFlight / sources.maxInFlight()),
                sources.poolUtilisation() == null ? null : sources.poolUtilisation().getAsDouble(),
                heap.getUsed() / MIB, (heap.getMax() > 0 ? heap.getMax() : heap.getCommitted()) / MIB,
                cpu(true), cpu(false));
        lastMillis = now;
        lastExecutions = execs;
        lastEvents = events;
        return s;
    }

    private static Double cpu(boolean process) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            double load = process ? os.getProcessCpuLoad() : os.getCpuLoad();
            return load < 0 ? null : load;
        }
        return null;
    }
}
