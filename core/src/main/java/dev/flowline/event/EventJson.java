package dev.flowline.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The complete JSON form of an event, causation chain included, for storage and API responses; the inverse of
 * {@link #fromJson}. (Applications send events through {@link EventParser}, which does not accept a causation
 * chain: only the engine creates those.) Stateless and thread-safe.
 */
public final class EventJson {

    private EventJson() {
    }

    public static Map<String, Object> toJson(EntityEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event_id", e.eventId());
        m.put("tenant", e.tenant());
        m.put("entity_type", e.entityType());
        m.put("entity_id", e.entityId());
        m.put("operation", e.operation().jsonName());
        m.put("data", e.data());
        m.put("previous", e.previous());
        m.put("changed_fields", new ArrayList<>(new TreeSet<>(e.changedFields())));
        m.put("occurred_at", e.occurredAt().toString());
        if (!e.causation().isEmpty()) {
            List<Map<String, Object>> chain = new ArrayList<>();
            for (CausationLink l : e.causation()) {
                Map<String, Object> link = new LinkedHashMap<>();
                link.put("workflow_id", l.workflowId());
                link.put("entity_type", l.entityType());
                link.put("entity_id", l.entityId());
                link.put("execution_id", l.executionId());
                chain.add(link);
            }
            m.put("causation", chain);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    public static EntityEvent fromJson(Map<String, Object> m) {
        List<CausationLink> chain = new ArrayList<>();
        Object c = m.get("causation");
        if (c instanceof List<?> links) {
            for (Object o : links) {
                Map<String, Object> l = (Map<String, Object>) o;
                chain.add(new CausationLink((String) l.get("workflow_id"), (String) l.get("entity_type"),
                        (String) l.get("entity_id"), (String) l.get("execution_id")));
            }
        }
        return new EntityEvent((String) m.get("event_id"), (String) m.get("tenant"), (String) m.get("entity_type"),
                (String) m.get("entity_id"), Operation.fromJson((String) m.get("operation")),
                (Map<String, Object>) m.get("data"), (Map<String, Object>) m.get("previous"),
                new LinkedHashSet<>((List<String>) m.get("changed_fields")),
                Instant.parse((String) m.get("occurred_at")), chain);
    }
}
