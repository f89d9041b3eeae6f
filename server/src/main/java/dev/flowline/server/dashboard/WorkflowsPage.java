package dev.flowline.server.dashboard;

import dev.flowline.definition.EntityTrigger;
import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.event.Operation;
import dev.flowline.execution.Engine;
import dev.flowline.execution.WorkflowCounters;
import dev.flowline.server.metrics.WorkflowStats;
import dev.flowline.server.workflow.WorkflowNotFoundException;
import dev.flowline.server.workflow.WorkflowRegistry;
import dev.flowline.store.Store;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /workflows}: every workflow with its trigger, version, state and figures (executions per minute,
 * success rate, p50/p95 over five minutes; condition pass rate and events matched but rejected since start; failed
 * executions); {@code POST /workflows/{id}/enable} and {@code /disable} switch one on or off. Thread-safe.
 */
final class WorkflowsPage {

    private final Store store;
    private final WorkflowRegistry registry;
    private final Engine engine;
    private final WorkflowStats stats;
    private final PageRenderer pages;

    WorkflowsPage(Store store, WorkflowRegistry registry, Engine engine, WorkflowStats stats, PageRenderer pages) {
        this.store = store;
        this.registry = registry;
        this.engine = engine;
        this.stats = stats;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/workflows", pages.guard(this::show));
        routes.post("/workflows/{id}/enable", pages.guard(ctx -> setEnabled(ctx, true)));
        routes.post("/workflows/{id}/disable", pages.guard(ctx -> setEnabled(ctx, false)));
    }

    private void show(Context ctx) {
        Map<String, WorkflowDefinition> loaded = engine.workflows().stream()
                .collect(Collectors.toMap(WorkflowDefinition::id, Function.identity(), (a, b) -> a));
        Map<String, WorkflowCounters> counters = engine.workflowCounters();
        Map<String, Long> failed = store.failedExecutionsByWorkflow();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Store.StoredWorkflow w : store.workflows()) {
            WorkflowDefinition def = loaded.get(w.id());
            Map<String, Object> s = stats.snapshot(w.id());
            WorkflowCounters c = counters.get(w.id());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", w.id());
            row.put("segment", Formats.segment(w.id()));
            row.put("executionsHref", "/executions?workflow_id=" + Formats.param(w.id()));
            row.put("name", def == null || def.name().equals(w.id()) ? "" : def.name());
            row.put("trigger", def == null ? "not loaded: the stored definition no longer parses" : trigger(def));
            row.put("version", w.version());
            row.put("enabled", w.enabled());
            row.put("perMinute", s.isEmpty() ? "0" : String.valueOf(s.get("executions_per_minute")));
            row.put("successRate", Formats.percent((Double) s.get("success_rate")));
            row.put("p50", Formats.millis((Number) s.get("execution_ms_p50")));
            row.put("p95", Formats.millis((Number) s.get("execution_ms_p95")));
            row.put("passRate", c == null ? Formats.NONE : Formats.percent(c.passRate()));
            row.put("triggered", c == null ? 0 : c.triggered());
            row.put("rejected", c == null ? 0 : c.rejected());
            row.put("failed", failed.getOrDefault(w.id(), 0L));
            rows.add(row);
        }
        pages.render(ctx, 200, "workflows", Map.of("nav", "workflows", "workflows", rows));
    }

    private void setEnabled(Context ctx, boolean enabled) {
        if (!SignIn.csrfValid(ctx)) {
            pages.error(ctx, 403, "Refused", "The form did not come from this dashboard (its anti-forgery token is "
                    + "missing or stale). Reload the page and try again.");
            return;
        }
        String id = ctx.pathParam("id");
        try {
            registry.setEnabled(id, enabled);
        } catch (WorkflowNotFoundException e) {
            pages.error(ctx, 404, "Workflow not found", "There is no workflow '" + id + "'; it may have been deleted.");
            return;
        }
        ctx.redirect("/workflows", HttpStatus.SEE_OTHER);
    }

    /** {@code order: update when status or payment_state change}, plus the tenant when the workflow has one. */
    static String trigger(WorkflowDefinition def) {
        EntityTrigger t = def.trigger();
        if (t == null) {
            return "manual";
        }
        String ops = t.operations().stream().sorted().map(Operation::jsonName).collect(Collectors.joining(", "));
        String s = t.entityType() + ": " + ops;
        if (!t.fieldTriggers().isEmpty() && t.operations().contains(Operation.UPDATE)) {
            s += " when " + String.join(" or ", t.fieldTriggers()) + (t.fieldTriggers().size() == 1 ? " changes" : " change");
        }
        return def.tenant() == null ? s : s + " · tenant " + def.tenant();
    }
}
