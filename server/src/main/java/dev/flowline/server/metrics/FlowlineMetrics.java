package dev.flowline.server.metrics;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.flowline.server.intake.IntakeListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.function.LongSupplier;

/**
 * Flowline's Prometheus metrics (Micrometer): intake counters, execution meters, queue gauges, JVM and connection
 * pool metrics, all in one registry that {@link #scrape()} renders in the Prometheus text format.
 *
 * <p>Names as Prometheus sees them: {@code flowline_events_received_total},
 * {@code flowline_events_duplicates_total}, {@code flowline_events_rejected_total{reason}},
 * {@code flowline_queue_depth}, {@code flowline_events_in_flight}, the execution meters of {@link ExecutionMeters},
 * {@code jvm_*}, {@code process_*}, {@code system_*} and {@code hikaricp_*}. Thread-safe.
 */
public final class FlowlineMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Counter received;
    private final Counter duplicates;
    private final ExecutionMeters executions;

    public FlowlineMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        received = Counter.builder("flowline.events.received")
                .description("Events acknowledged by intake (duplicates included)").register(registry);
        duplicates = Counter.builder("flowline.events.duplicates")
                .description("Acknowledged events whose event_id had been accepted before (not processed again)")
                .register(registry);
        executions = new ExecutionMeters(registry);
    }

    /** The registry, for meters of other parts. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Execution meters; record finished executions there. */
    public ExecutionMeters executions() {
        return executions;
    }

    /** Registers the queue gauges: accepted-but-unprocessed events and events in the engine. */
    public void queue(LongSupplier depth, LongSupplier inFlight) {
        Gauge.builder("flowline.queue.depth", depth, s -> s.getAsLong())
                .description("Accepted events not yet processed").register(registry);
        Gauge.builder("flowline.events.in.flight", inFlight, s -> s.getAsLong())
                .description("Events handed to the engine and not finished").register(registry);
    }

    /** For HikariCP pools: set on a pool's config before it starts to get {@code hikaricp_*} metrics. */
    public MetricsTrackerFactory poolMetrics() {
        return new MicrometerMetricsTrackerFactory(registry);
    }

    /** Counts what intake accepted and rejected. */
    public IntakeListener intakeListener() {
        return new IntakeListener() {
            @Override
            public void accepted(int events, int duplicateEvents) {
                received.increment(events);
                duplicates.increment(duplicateEvents);
            }

            @Override
            public void rejected(String reason, int events) {
                FlowlineMetrics.this.rejected(reason, events);
            }
        };
    }

    /** Counts refused events; {@code reason} is a short fixed word ({@code invalid}, {@code overloaded}, ...). */
    public void rejected(String reason, int events) {
        Counter.builder("flowline.events.rejected").description("Events refused by intake, by reason")
                .tag("reason", reason).register(registry).increment(events);
    }

    /** Events acknowledged so far (for the health charts). */
    public double eventsReceived() {
        return received.count();
    }

    /** The metrics in the Prometheus text exposition format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
