package dev.flowline.server.metrics;

import com.zaxxer.hikari.HikariDataSource;
import dev.flowline.execution.ExecutionRecord;
import dev.flowline.server.intake.IntakeListener;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Everything the service measures, in one place: the Prometheus metrics, the execution log, per-workflow and
 * per-tenant figures, and the in-memory health time series (a sample every {@link #SAMPLE_INTERVAL}, the last
 * hour kept). Feed it every finished execution with {@link #onExecution}. Thread-safe.
 */
public final class Monitoring implements AutoCloseable {

    /** How often the health charts get a point. */
    public static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(2);
    /** How many points they keep: one hour. */
    static final int SAMPLES_KEPT = 1800;

    private final Clock clock;
    private final FlowlineMetrics metrics = new FlowlineMetrics();
    private final ExecutionLog log = new ExecutionLog();
    private final WorkflowStats workflows;
    private final TenantCounts tenants = new TenantCounts();
    private final LatencyWindow latency = new LatencyWindow(4096);
    private final HealthSeries series = new HealthSeries(SAMPLES_KEPT);
    private final LongAdder finished = new LongAdder();
    private ScheduledExecutorService sampler;

    public Monitoring(Clock clock) {
        this.clock = clock;
        this.workflows = new WorkflowStats(clock);
    }

    /** Records a finished execution everywhere. */
    public void onExecution(ExecutionRecord r) {
        finished.increment();
        metrics.executions().record(r);
        workflows.record(r);
        tenants.record(r);
        if (r.durationMs() != null) {
            latency.record(r.durationMs());
        }
        log.log(r);
    }

    /**
     * Starts sampling the health series and registers the queue gauges.
     *
     * @param queueDepth  accepted events not yet processed
     * @param inFlight    events in the engine
     * @param maxInFlight most events the engine takes at once
     * @param appPool     the application database pool, or null
     */
    public synchronized void start(LongSupplier queueDepth, LongSupplier inFlight, int maxInFlight,
                                   HikariDataSource appPool) {
        metrics.queue(queueDepth, inFlight);
        DoubleSupplier pool = appPool == null ? null : () -> {
            var mx = appPool.getHikariPoolMXBean();
            return mx == null ? 0.0 : (double) mx.getActiveConnections() / appPool.getMaximumPoolSize();
        };
        HealthSampler s = new HealthSampler(clock, new HealthSampler.Sources(queueDepth, inFlight, maxInFlight, pool),
                finished::sum, metrics::eventsReceived, latency, series);
        s.run();
        sampler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("flowline-health-sampler")
                .daemon(true).factory());
        long every = SAMPLE_INTERVAL.toMillis();
        sampler.scheduleAtFixedRate(s, every, every, TimeUnit.MILLISECONDS);
    }

    public FlowlineMetrics metrics() {
        return metrics;
    }

    public IntakeListener intakeListener() {
        return metrics.intakeListener();
    }

    public WorkflowStats workflows() {
        return workflows;
    }

    public TenantCounts tenants() {
        return tenants;
    }

    public HealthSeries series() {
        return series;
    }

    @Override
    public synchronized void close() {
        if (sampler != null) {
            sampler.shutdownNow();
        }
        metrics.close();
    }
}
