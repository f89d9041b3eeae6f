package dev.flowline.server.dashboard;

import dev.flowline.execution.ExecutionRecord;
import dev.flowline.server.api.ExecutionStats;
import dev.flowline.store.Store;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/** {@code GET /}: the key figures, the latest failures and the latest executions. Thread-safe. */
final class OverviewPage {

    private final Store store;
    private final ExecutionStats stats;
    private final LongSupplier queueDepth;
    private final LongSupplier inFlight;
    private final PageRenderer pages;

    OverviewPage(Store store, ExecutionStats stats, LongSupplier queueDepth, LongSupplier inFlight, PageRenderer pages) {
        this.store = store;
        this.stats = stats;
        this.queueDepth = queueDepth;
        this.inFlight = inFlight;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/", pages.guard(this::show));
    }

    private void show(Context ctx) {
        Map<String, Object> s = stats.snapshot();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nav", "overview");
        m.put("kpis", List.of(
                kpi("Executions / min", String.valueOf(s.get("executions_per_minute")), "finished in the last minute"),
                kpi("Success rate", Formats.percent((Double) s.get("success_rate")), "last 5 minutes"),
                kpi("p50 / p95", Formats.millis((Number) s.get("execution_ms_p50")) + " / "
                        + Formats.millis((Number) s.get("execution_ms_p95")), "execution time, last 5 minutes"),
                kpi("Queue depth", String.valueOf(queueDepth.getAsLong()), inFlight.getAsLong() + " in the engine"),
                kpi("Failed", String.valueOf(store.failedExecutionsByWorkflow().values().stream()
                        .mapToLong(Long::longValue).sum()), "executions to look at or retry"),
                kpi("Workflows", String.valueOf(store.workflows().size()), store.workflows().stream()
                        .filter(Store.StoredWorkflow::enabled).count() + " enabled")));
        m.put("failures", rows("failed", 5));
        m.put("recent", rows(null, 10));
        pages.render(ctx, 200, "overview", m);
    }

    private List<ExecutionRow> rows(String status, int limit) {
        return store.executions(new Store.ExecutionQuery(null, status, null, null, null, limit, null)).items().stream()
                .map((ExecutionRecord r) -> ExecutionRow.of(r)).toList();
    }

    private static Map<String, String> kpi(String label, String value, String note) {
        return Map.of("label", label, "value", value, "note", note);
    }
}
