package dev.flowline.execution;

import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.event.EntityEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the variables templates see: {@code entity}, {@code previous}, {@code event}, {@code workflow}, {@code execution}. */
final class TemplateContexts {

    private TemplateContexts() {
    }

    /** Context for conditions. {@code entity} is the state conditions read: data, or previous for a delete. */
    static Map<String, Object> forConditions(EntityEvent e, WorkflowDefinition w) {
        Map<String, Object> ctx = new HashMap<>(8);
        ctx.put("entity", e.subject());
        ctx.put("previous", e.previous());
        ctx.put("event", event(e));
        ctx.put("workflow", workflow(w));
        return ctx;
    }

    /** Context for actions: the condition context plus {@code execution}. */
    static Map<String, Object> forActions(EntityEvent e, WorkflowDefinition w, String executionId, String startedAt) {
        Map<String, Object> ctx = forConditions(e, w);
        ctx.put("execution", Map.of("id", executionId, "started_at", startedAt));
        return ctx;
    }

    static Map<String, Object> event(EntityEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event_id", e.eventId());
        m.put("tenant", e.tenant());
        m.put("entity_type", e.entityType());
        m.put("entity_id", e.entityId());
        m.put("operation", e.operation().jsonName());
        m.put("changed_fields", new ArrayList<>(e.changedFields()));
        m.put("occurred_at", Times.iso(e.occurredAt()));
        m.put("chain_depth", (long) e.causation().size());
        return m;
    }

    private static Map<String, Object> workflow(WorkflowDefinition w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id());
        m.put("name", w.name());
        m.put("version", (long) w.version());
        return m;
    }
}
