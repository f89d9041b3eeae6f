package dev.flowline.server.demo;

import dev.flowline.json.Json;
import io.javalin.config.RoutesConfig;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo's webhook target: {@code POST /demo/sink/{name}} records the call, {@code GET /demo/sink} shows counts
 * and the latest calls. Stands in for the ERP and CRM a real deployment would call. Thread-safe.
 */
final class DemoSink {

    private final Map<String, Long> counts = new TreeMap<>();
    private final Deque<Map<String, Object>> recent = new ArrayDeque<>();

    void register(RoutesConfig routes) {
        routes.post("/demo/sink/{name}", ctx -> {
            record(ctx.pathParam("name"), ctx.header("Idempotency-Key"), ctx.body());
            ctx.status(200).contentType("application/json").result("{\"ok\":true}");
        });
        routes.get("/demo/sink", ctx -> ctx.contentType("application/json").result(Json.write(summary())));
    }

    private synchronized void record(String name, String key, String body) {
        counts.merge(name, 1L, Long::sum);
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("target", name);
        call.put("idempotency_key", key);
        call.put("body", body);
        recent.addFirst(call);
        if (recent.size() > 20) {
            recent.removeLast();
        }
    }

    synchronized Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("calls", new TreeMap<>(counts));
        m.put("recent", new ArrayList<>(recent));
        return m;
    }
}
