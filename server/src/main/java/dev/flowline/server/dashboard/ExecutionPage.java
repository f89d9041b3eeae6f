package dev.flowline.server.dashboard;

import dev.flowline.server.api.ConflictException;
import dev.flowline.server.api.NotFoundException;
import dev.flowline.server.retry.ExecutionRetries;

import dev.flowline.condition.ConditionResult;
import dev.flowline.event.CausationLink;
import dev.flowline.event.EntityEvent;
import dev.flowline.execution.ActionRecord;
import dev.flowline.execution.AttemptRecord;
import dev.flowline.execution.Engine;
import dev.flowline.execution.ExecutionRecord;
import dev.flowline.execution.ExecutionStatus;
import dev.flowline.store.Store;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code GET /executions/{id}}: one execution: its trigger event (data, previous, changed fields), each condition
 * with its result and time, and a Gantt timeline of its actions with every attempt, output and error. While it
 * runs, the page refreshes itself through htmx. {@code POST /executions/{id}/retry} retries a failed execution from
 * its failed action or ({@code from=start}) from the start, as the API does. Thread-safe.
 */
final class ExecutionPage {

    private final Store store;
    private final Engine engine;
    private final Clock clock;
    private final PageRenderer pages;

    ExecutionPage(Store store, Engine engine, Clock clock, PageRenderer pages) {
        this.store = store;
        this.engine = engine;
        this.clock = clock;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/executions/{id}", pages.guard(ctx -> show(ctx, 200, notice(ctx.queryParam("notice")))));
        routes.post("/executions/{id}/retry", pages.guard(this::retry));
    }

    private void show(Context ctx, int status, String notice) {
        String id = ctx.pathParam("id");
        Optional<ExecutionRecord> found = store.execution(id);
        if (found.isEmpty()) {
            pages.error(ctx, 404, "Execution not found", "There is no execution '" + id + "'.");
            return;
        }
        ExecutionRecord r = found.get();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nav", "executions");
        m.put("notice", notice);
        m.put("e", ExecutionRow.of(r));
        m.put("finished", Formats.time(r.finishedAt()));
        m.put("fullError", r.error() == null ? "" : r.error());
        m.put("running", r.status() == null || r.status() == ExecutionStatus.RUNNING);
        m.put("retryable", r.status() == ExecutionStatus.FAILED);
        m.put("workflowHref", "/executions?workflow_id=" + Formats.param(r.workflowId()));
        m.put("conditions", conditions(r.conditions()));
        m.put("timeline", Timeline.of(r, clock.instant()));
        m.put("actions", actions(r.actions()));
        store.event(r.eventId()).ifPresent(e -> m.put("event", event(e)));
        boolean fragment = ctx.header("HX-Request") != null;
        pages.render(ctx, status, fragment ? "execution-body" : "execution", m);
    }

    private void retry(Context ctx) {
        if (!SignIn.csrfValid(ctx)) {
            pages.error(ctx, 403, "Refused", "The form did not come from this dashboard (its anti-forgery token is "
                    + "missing or stale). Reload the page and try again.");
            return;
        }
        String id = ctx.pathParam("id");
        boolean fromStart = "start".equals(ctx.formParam("from"));
        try {
            new ExecutionRetries(store, engine).retry(id, fromStart);
        } catch (NotFoundException e) {
            pages.error(ctx, 404, "Execution not found", "There is no execution '" + id + "'.");
            return;
        } catch (ConflictException e) {
            show(ctx, 409, e.getMessage());
            return;
        }
        ctx.redirect("/executions/" + Formats.segment(id) + "?notice=" + (fromStart ? "retry-start" : "retry-failed"),
                HttpStatus.SEE_OTHER);
    }

    /** Fixed texts only: a notice in the URL never becomes page content as typed. */
    private static String notice(String code) {
        return switch (code == null ? "" : code) {
            case "retry-failed" -> "Retry started from the failed action; completed actions keep their results.";
            case "retry-start" -> "Retry started from the start; every action runs again.";
            default -> "";
        };
    }

    private static List<Map<String, Object>> conditions(List<ConditionResult> results) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ConditionResult c : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", c.path());
            m.put("description", c.description());
            m.put("passed", c.passed());
            m.put("time", Formats.micros(c.timeNanos() / 1000));
            m.put("error", c.error() == null ? "" : c.error());
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, Object>> actions(List<ActionRecord> actions) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ActionRecord a : actions) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id());
            m.put("type", a.type());
            m.put("status", a.status().jsonName());
            m.put("started", Formats.time(a.startedAt()));
            m.put("duration", a.startedAt() == null ? Formats.NONE : Formats.millis(a.durationMs()));
            m.put("output", a.output() == null ? "" : Formats.prettyJson(a.output()));
            m.put("error", a.error() == null ? "" : a.error());
            List<Map<String, Object>> attempts = new ArrayList<>();
            for (AttemptRecord at : a.attempts()) {
                attempts.add(Map.of("attempt", at.attempt(), "started", Formats.time(at.startedAt()),
                        "duration", Formats.millis(at.durationMs()), "error", at.error() == null ? "" : at.error()));
            }
            m.put("attempts", attempts);
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> event(Store.StoredEvent stored) {
        EntityEvent e = stored.event();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.eventId());
        m.put("operation", e.operation().jsonName());
        m.put("occurred", Formats.time(e.occurredAt()));
        m.put("accepted", Formats.time(stored.acceptedAt()));
        m.put("changedFields", new ArrayList<>(new TreeSet<>(e.changedFields())));
        List<Map<String, Object>> fields = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(e.previous().keySet());
        keys.addAll(e.data().keySet());
        for (String k : keys) {
            fields.add(Map.of("name", k,
                    "previous", Formats.compactJson(e.previous().get(k), e.previous().containsKey(k)),
                    "data", Formats.compactJson(e.data().get(k), e.data().containsKey(k)),
                    "changed", e.changedFields().contains(k)));
        }
        m.put("fields", fields);
        m.put("dataJson", Formats.prettyJson(e.data()));
        m.put("previousJson", Formats.prettyJson(e.previous()));
        List<String> chain = new ArrayList<>();
        for (CausationLink l : e.causation()) {
            chain.add(l.workflowId() + " @ " + l.entityType() + ":" + l.entityId());
        }
        m.put("causation", chain);
        return m;
    }
}
