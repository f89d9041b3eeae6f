package dev.flowline.store;

import dev.flowline.execution.Times;
import dev.flowline.json.Json;
import dev.flowline.notification.Notification;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON of a digest's parts in the notification table's {@code parts} column. Stateless, thread-safe. */
final class NotificationJson {

    private NotificationJson() {
    }

    /** The parts as JSON, or null for a notification that is not a digest. */
    static String parts(List<Notification> parts) {
        if (parts.isEmpty()) {
            return null;
        }
        return Json.write(parts.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("execution_id", p.executionId());
            m.put("workflow_id", p.workflowId());
            m.put("title", p.title());
            m.put("body", p.body());
            m.put("priority", p.priority());
            m.put("created_at", Times.iso(p.createdAt()));
            return m;
        }).toList());
    }

    @SuppressWarnings("unchecked")
    static List<Notification> parts(String json, String recipient) {
        if (json == null) {
            return List.of();
        }
        return ((List<Map<String, Object>>) Json.parse(json)).stream().map(m -> new Notification(
                (String) m.get("id"), (String) m.get("execution_id"), (String) m.get("workflow_id"), List.of(recipient),
                (String) m.get("title"), (String) m.get("body"), (String) m.get("priority"),
                Instant.parse((String) m.get("created_at")))).toList();
    }
}
