package dev.flowline.server.dashboard;

import dev.flowline.json.Json;
import dev.flowline.server.metrics.HealthSample;
import dev.flowline.server.metrics.Monitoring;
import dev.flowline.server.metrics.TenantCounts;
import dev.flowline.store.Store;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /health}: the system's health with charts (drawn by uPlot in the browser from
 * {@code GET /health/series}, the in-memory time series): throughput, queue depth, latency percentiles, worker and
 * connection-pool utilisation, JVM heap and CPU; plus per-tenant counts, circuit-breaker states and the store's
 * reachability. Thread-safe.
 */
final class HealthPage {

    static final int TENANTS_SHOWN = 12;

    private final Store store;
    private final Monitoring monitoring;
    private final CircuitBreakers breakers;
    private final PageRenderer pages;

    HealthPage(Store store, Monitoring monitoring, CircuitBreakers breakers, PageRenderer pages) {
        this.store = store;
        this.monitoring = monitoring;
        this.breakers = breakers;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/health", pages.guard(this::show));
        routes.get("/health/series", pages.guard(this::series));
    }

    private void show(Context ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nav", "health");
        m.put("storeUp", store.ping());
        HealthSample s = monitoring.series().latest();
        m.put("now", s == null ? Map.of() : Map.of(
                "queue", String.valueOf(s.queueDepth()),
                "inFlight", String.valueOf(s.inFlight()),
                "workers", Formats.percent(s.workerUtilisation()),
                "pool", Formats.percent(s.poolUtilisation()),
                "heap", String.format(Locale.ROOT, "%.0f / %.0f MiB", s.heapUsedMb(), s.heapMaxMb()),
                "cpu", Formats.percent(s.processCpu())));
        m.put("tenants", tenantBars(monitoring.tenants().top(TENANTS_SHOWN)));
        m.put("breakers", breakers.states().entrySet().stream()
                .map(e -> Map.of("host", e.getKey(), "state", e.getValue())).toList());
        pages.render(ctx, 200, "health", m);
    }

    private void series(Context ctx) {
        PageRenderer.headers(ctx);
        ctx.contentType("application/json").result(Json.write(monitoring.series().columns()));
    }

    /** Horizontal bars (SVG units out of 1000) of each tenant's succeeded and failed executions. */
    static List<Map<String, Object>> tenantBars(List<TenantCounts.Tenant> tenants) {
        long max = tenants.stream().mapToLong(TenantCounts.Tenant::total).max().orElse(1);
        List<Map<String, Object>> out = new ArrayList<>();
        for (TenantCounts.Tenant t : tenants) {
            double ok = 1000.0 * t.succeeded() / Math.max(1, max);
            double failed = 1000.0 * t.failed() / Math.max(1, max);
            out.add(Map.of("tenant", t.tenant(), "succeeded", t.succeeded(), "failed", t.failed(),
                    "okWidth", Math.round(ok * 10) / 10.0, "failedX", Math.round(ok * 10) / 10.0,
                    "failedWidth", Math.round(failed * 10) / 10.0));
        }
        return out;
    }
}
