package dev.flowline.server.api;

import dev.flowline.execution.Engine;
import dev.flowline.execution.ExecutionRecord;
import dev.flowline.json.Json;
import dev.flowline.server.intake.Dispatcher;
import dev.flowline.server.retry.ExecutionRetries;
import dev.flowline.server.intake.EventIntake;
import dev.flowline.server.workflow.WorkflowNotFoundException;
import dev.flowline.server.workflow.WorkflowRegistry;
import dev.flowline.store.Store;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The HTTP API under {@code /api}: workflows, events, executions, notifications, health and stats. Every call but
 * {@code /api/health} needs {@code Authorization: Bearer <admin token>}.
 */
public final class HttpApi {

    private final Store store;
    private final WorkflowRegistry workflows;
    private final EventIntake intake;
    private final Dispatcher dispatcher;
    private final ExecutionStats stats;
    private final byte[] token;
    private final BooleanSupplier ready;
    private final Engine engine;
    private final java.util.function.Supplier<Map<String, Object>> poolStats;

    public HttpApi(Store store, WorkflowRegistry workflows, EventIntake intake, Dispatcher dispatcher,
                   ExecutionStats stats, String adminToken, BooleanSupplier ready, Engine engine,
                   java.util.function.Supplier<Map<String, Object>> poolStats) {
        this.engine = engine;
        this.poolStats = poolStats;
        this.store = store;
        this.workflows = workflows;
        this.intake = intake;
        this.dispatcher = dispatcher;
        this.stats = stats;
        this.token = adminToken.getBytes(StandardCharsets.UTF_8);
        this.ready = ready;
    }

    /**
     * Creates the HTTP server (not started) with the API and error mapping; {@code extra} adds more (the dashboard,
     * the demo's routes) to the same configuration.
     */
    public Javalin create(long maxBodyBytes, java.util.function.Consumer<io.javalin.config.JavalinConfig> extra) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = maxBodyBytes;
            config.concurrency.useVirtualThreads = true;
            RoutesConfig r = config.routes;
            r.before("/api/*", this::authenticate);
            r.get("/api/health", this::health);
            r.get("/api/stats", this::stats);
            r.get("/api/workflows", ctx -> ok(ctx, Map.of("items",
                    store.workflows().stream().map(Views::workflow).toList())));
            r.get("/api/workflows/{id}", this::getWorkflow);
            r.put("/api/workflows/{id}", this::putWorkflow);
            r.delete("/api/workflows/{id}", ctx -> {
                workflows.delete(ctx.pathParam("id"));
                ctx.status(204);
            });
            r.post("/api/workflows/{id}/enable", ctx -> ok(ctx, Views.workflow(workflows.setEnabled(ctx.pathParam("id"), true))));
            r.post("/api/workflows/{id}/disable", ctx -> ok(ctx, Views.workflow(workflows.setEnabled(ctx.pathParam("id"), false))));
            r.post("/api/events", this::postEvents);
            r.get("/api/executions", this::listExecutions);
            r.get("/api/executions/{id}", this::getExecution);
            r.post("/api/executions/{id}/retry", this::retry);
            r.get("/api/notifications", this::listNotifications);
            extra.accept(config);
            ApiErrors.register(r);
        });
    }

    private void authenticate(Context ctx) {
        if (ctx.path().equals("/api/health")) {
            return;
        }
        String header = ctx.header("Authorization");
        String prefix = "Bearer ";
        if (header == null || !header.regionMatches(true, 0, prefix, 0, prefix.length())
                || !MessageDigest.isEqual(header.substring(prefix.length()).trim().getBytes(StandardCharsets.UTF_8), token)) {
            throw new UnauthorizedResponse();
        }
    }

    private void health(Context ctx) {
        boolean storeUp = store.ping();
        boolean up = storeUp && ready.getAsBoolean();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", up ? "ready" : "not_ready");
        m.put("store", storeUp ? "reachable" : "unreachable");
        ApiErrors.send(ctx, up ? 200 : 503, m);
    }

    private void stats(Context ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("queue_depth", dispatcher.backlog());
        m.put("in_flight_events", dispatcher.inFlight());
        m.putAll(stats.snapshot());
        m.put("failed_by_workflow", store.failedExecutionsByWorkflow());
        m.put("circuit_breakers", engine.circuitBreakerStates());
        m.put("app_db_pool", poolStats.get());
        m.put("running_action_attempts", engine.runningAttempts());
        m.put("emails_pending", store.emailOutbox().pending());
        m.put("notifications_pending_digest", store.pendingNotifications().pendingCount());
        ok(ctx, m);
    }

    private void getWorkflow(Context ctx) {
        String id = ctx.pathParam("id");
        String v = ctx.queryParam("version");
        Store.StoredWorkflow w;
        if (v == null) {
            w = store.workflow(id).orElseThrow(() -> new WorkflowNotFoundException(id, null));
        } else {
            int version = intParam("version", v, 1, Integer.MAX_VALUE);
            w = store.workflowVersion(id, version).orElseThrow(() -> new WorkflowNotFoundException(id, version));
        }
        ok(ctx, Views.workflow(w));
    }

    private void putWorkflow(Context ctx) {
        WorkflowRegistry.Saved saved = workflows.save(ctx.pathParam("id"), ctx.body());
        ApiErrors.send(ctx, saved.created() ? 201 : 200, Views.workflow(saved.stored()));
    }

    private void postEvents(Context ctx) {
        EventIntake.Result r = intake.accept(ctx.body());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accepted", r.accepted());
        m.put("duplicates", r.duplicates());
        m.put("event_ids", r.eventIds());
        ApiErrors.send(ctx, 202, m);
    }

    private void listExecutions(Context ctx) {
        String since = ctx.queryParam("since");
        Instant sinceAt = null;
        if (since != null) {
            try {
                sinceAt = Instant.parse(since);
            } catch (DateTimeParseException e) {
                throw new BadRequestException("since must be an ISO-8601 instant such as 2026-11-26T10:00:00Z, not '"
                        + since + "'");
            }
        }
        String status = ctx.queryParam("status");
        if (status != null && !List.of("running", "succeeded", "failed").contains(status)) {
            throw new BadRequestException("status must be running, succeeded or failed, not '" + status + "'");
        }
        Store.Page<ExecutionRecord> page = store.executions(new Store.ExecutionQuery(ctx.queryParam("workflow_id"),
                status, ctx.queryParam("entity_type"), ctx.queryParam("entity_id"), sinceAt, limit(ctx),
                ctx.queryParam("cursor")));
        ok(ctx, Views.page(page.items().stream().map(ExecutionRecord::toJson).toList(), page.nextCursor()));
    }

    private void getExecution(Context ctx) {
        String id = ctx.pathParam("id");
        ExecutionRecord r = store.execution(id).orElseThrow(() -> new NotFoundException("execution '" + id + "' not found"));
        Map<String, Object> m = new LinkedHashMap<>(r.toJson());
        store.event(r.eventId()).ifPresent(e -> m.put("event", Views.event(e)));
        ok(ctx, m);
    }

    /** Retries a failed execution from its failed action (default) or, with {@code ?from=start}, from the start. */
    private void retry(Context ctx) {
        String id = ctx.pathParam("id");
        String from = ctx.queryParam("from");
        if (from != null && !from.equals("start") && !from.equals("failed")) {
            throw new BadRequestException("from must be start or failed, not '" + from + "'");
        }
        boolean fromStart = "start".equals(from);
        new ExecutionRetries(store, engine).retry(id, fromStart);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("execution_id", id);
        m.put("status", "running");
        m.put("from", fromStart ? "start" : "failed_action");
        ApiErrors.send(ctx, 202, m);
    }

    private void listNotifications(Context ctx) {
        Store.Page<Store.StoredNotification> page = store.notifications(ctx.queryParam("recipient"), limit(ctx),
                ctx.queryParam("cursor"));
        ok(ctx, Views.page(page.items().stream().map(Views::notification).toList(), page.nextCursor()));
    }

    private static int limit(Context ctx) {
        String v = ctx.queryParam("limit");
        return v == null ? 50 : intParam("limit", v, 1, 500);
    }

    private static int intParam(String name, String v, int min, int max) {
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequestException(name + " must be a whole number from " + min + " to " + max + ", not '" + v + "'");
    }

    private static void ok(Context ctx, Object body) {
        ctx.status(200).contentType("application/json").result(Json.write(body));
    }
}
