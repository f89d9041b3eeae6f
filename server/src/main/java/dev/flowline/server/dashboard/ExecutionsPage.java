package dev.flowline.server.dashboard;

import dev.flowline.store.InvalidQueryException;
import dev.flowline.store.Store;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /executions}: the execution history, newest first, filtered and paginated. The newest page updates
 * itself: htmx asks for the same URL every two seconds with {@code HX-Request}, and gets only the table back.
 * Thread-safe.
 */
final class ExecutionsPage {

    private final Store store;
    private final PageRenderer pages;

    ExecutionsPage(Store store, PageRenderer pages) {
        this.store = store;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/executions", pages.guard(this::show));
    }

    private void show(Context ctx) {
        ExecutionFilter filter = ExecutionFilter.from(ctx);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nav", "executions");
        m.put("filter", filter);
        m.put("statuses", ExecutionFilter.STATUSES.stream().sorted().toList());
        m.put("workflowIds", store.workflows().stream().map(Store.StoredWorkflow::id).toList());
        String problem = filter.problem();
        Store.Page<dev.flowline.execution.ExecutionRecord> page;
        try {
            page = store.executions(filter.query());
        } catch (InvalidQueryException e) {
            problem = "That page link is no longer valid; showing the newest executions.";
            filter = new ExecutionFilter(filter.workflowId(), filter.status(), filter.entityType(), filter.entityId(),
                    filter.since(), "", problem);
            page = store.executions(filter.query());
            m.put("filter", filter);
        }
        m.put("problem", problem);
        m.put("rows", page.items().stream().map(ExecutionRow::of).toList());
        m.put("olderHref", page.nextCursor() == null ? "" : filter.pageHref(page.nextCursor()));
        m.put("newestHref", filter.newestHref());
        m.put("live", filter.newest());
        boolean fragment = ctx.header("HX-Request") != null;
        pages.render(ctx, 200, fragment ? "executions-table" : "executions", m);
    }
}
