package dev.flowline.server.dashboard;

import dev.flowline.store.Store;
import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The filters of the execution history, read from the query string: {@code workflow_id}, {@code status},
 * {@code entity_type}, {@code entity_id}, {@code since} (ISO-8601 instant, or a {@code datetime-local} value read
 * as UTC) and the page {@code cursor}. Blank fields do not filter. Immutable.
 *
 * @param workflowId  workflow, or empty
 * @param status      running, succeeded, failed, or empty
 * @param entityType  entity type, or empty
 * @param entityId    entity id, or empty
 * @param since       as typed, or empty
 * @param cursor      next-page cursor, or empty for the newest page
 * @param problem     why a filter was ignored, or empty
 */
record ExecutionFilter(String workflowId, String status, String entityType, String entityId, String since,
                       String cursor, String problem) {

    static final int PAGE_SIZE = 25;
    static final Set<String> STATUSES = Set.of("running", "succeeded", "failed");

    static ExecutionFilter from(Context ctx) {
        String status = value(ctx, "status");
        String problem = "";
        if (!status.isEmpty() && !STATUSES.contains(status)) {
            problem = "Unknown status '" + status + "' ignored: use running, succeeded or failed.";
            status = "";
        }
        String since = value(ctx, "since");
        if (!since.isEmpty() && sinceInstant(since) == null) {
            problem = "'" + since + "' is not a time: use 2026-11-26T10:00 (UTC) or an ISO-8601 instant.";
            since = "";
        }
        return new ExecutionFilter(value(ctx, "workflow_id"), status, value(ctx, "entity_type"),
                value(ctx, "entity_id"), since, value(ctx, "cursor"), problem);
    }

    Store.ExecutionQuery query() {
        return new Store.ExecutionQuery(orNull(workflowId), orNull(status), orNull(entityType), orNull(entityId),
                since.isEmpty() ? null : sinceInstant(since), PAGE_SIZE, orNull(cursor));
    }

    /** Whether this is the newest page (the one that updates live). */
    boolean newest() {
        return cursor.isEmpty();
    }

    /** The query string of these filters without the cursor, for links and live updates. */
    String filterQuery() {
        List<String> parts = new ArrayList<>();
        add(parts, "workflow_id", workflowId);
        add(parts, "status", status);
        add(parts, "entity_type", entityType);
        add(parts, "entity_id", entityId);
        add(parts, "since", since);
        return String.join("&", parts);
    }

    /** The URL of the page after {@code nextCursor} with the same filters. */
    String pageHref(String nextCursor) {
        String q = filterQuery();
        return "/executions?" + (q.isEmpty() ? "" : q + "&") + "cursor=" + Formats.param(nextCursor);
    }

    /** The newest page with the same filters. */
    String newestHref() {
        String q = filterQuery();
        return q.isEmpty() ? "/executions" : "/executions?" + q;
    }

    private static void add(List<String> parts, String name, String value) {
        if (!value.isEmpty()) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    static Instant sinceInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static String value(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v.strip();
    }

    private static String orNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
