package dev.flowline.server.api;

import dev.flowline.event.EventJson;
import dev.flowline.execution.Times;
import dev.flowline.json.Json;
import dev.flowline.notification.Notification;
import dev.flowline.store.Store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON shapes of API resources. */
final class Views {

    private Views() {
    }

    static Map<String, Object> workflow(Store.StoredWorkflow w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id());
        m.put("version", w.version());
        m.put("enabled", w.enabled());
        m.put("created_at", Times.iso(w.createdAt()));
        m.put("definition", Json.parse(w.definitionJson()));
        return m;
    }

    static Map<String, Object> notification(Store.StoredNotification n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("recipient", n.recipient());
        m.put("title", n.title());
        m.put("body", n.body());
        m.put("priority", n.priority());
        m.put("workflow_id", n.workflowId());
        m.put("execution_id", n.executionId());
        m.put("created_at", Times.iso(n.createdAt()));
        m.put("kind", n.parts().isEmpty() ? "notification" : "digest");
        m.put("parts", n.parts().stream().map(Notification::partJson).toList());
        return m;
    }

    static Map<String, Object> event(Store.StoredEvent e) {
        Map<String, Object> m = new LinkedHashMap<>(EventJson.toJson(e.event()));
        m.put("seq", e.seq());
        m.put("accepted_at", Times.iso(e.acceptedAt()));
        m.put("processed", e.processed());
        return m;
    }

    static <T> Map<String, Object> page(List<Map<String, Object>> items, String nextCursor) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", items);
        m.put("next_cursor", nextCursor);
        return m;
    }
}
