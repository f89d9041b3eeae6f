package dev.flowline.bench.match;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.event.EntityEvent;
import dev.flowline.json.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates generated workflows into AWS Event Ruler rules with the same meaning, and events into the JSON Ruler
 * matches, in Ruler's best form: the entity's fields sit under {@code subject}, a key that sorts after
 * {@code entity_type} and {@code operation} (Ruler walks fields in alphabetical order, so a nested {@code data} key
 * would be walked first and cost several times more). Stateless, thread-safe.
 */
final class RulerRules {

    private RulerRules() {
    }

    /** One Ruler rule per operation of the workflow (rules added under one name are alternatives). */
    @SuppressWarnings("unchecked")
    static List<String> rules(Map<String, Object> workflow) {
        Map<String, Object> subject = new LinkedHashMap<>();
        List<String> changed = new ArrayList<>();
        for (Object o : (List<Object>) workflow.get("conditions")) {
            Map<String, Object> c = (Map<String, Object>) o;
            String field = (String) c.get("field");
            Object v = c.get("value");
            switch ((String) c.get("operator")) {
                case "eq" -> subject.put(field, List.of(v instanceof Number ? numeric("=", v) : v));
                case "ne" -> subject.put(field, List.of(Map.of("anything-but", v)));
                case "in" -> subject.put(field, v);
                case "not_in" -> subject.put(field, List.of(Map.of("anything-but", v)));
                case "gt" -> subject.put(field, List.of(numeric(">", v)));
                case "gte" -> subject.put(field, List.of(numeric(">=", v)));
                case "lt" -> subject.put(field, List.of(numeric("<", v)));
                case "lte" -> subject.put(field, List.of(numeric("<=", v)));
                case "between" -> {
                    List<Object> r = (List<Object>) v;
                    subject.put(field, List.of(Map.of("numeric", List.of(">=", r.get(0), "<=", r.get(1)))));
                }
                case "starts_with" -> subject.put(field, List.of(Map.of("prefix", v)));
                case "exists" -> subject.put(field, List.of(Map.of("exists", true)));
                case "changed_to" -> {
                    subject.put(field, List.of(v));
                    changed.add(field);
                }
                default -> throw new IllegalArgumentException("no Ruler equivalent for " + c.get("operator"));
            }
        }
        List<String> out = new ArrayList<>();
        for (String op : (List<String>) workflow.get("operations")) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("entity_type", List.of(workflow.get("entity_type")));
            rule.put("operation", List.of(op));
            List<String> triggers = (List<String>) workflow.get("field_triggers");
            if (op.equals("update") && triggers != null) {
                rule.put("changed_fields", triggers);
            } else if (!changed.isEmpty()) {
                rule.put("changed_fields", changed);
            }
            if (!subject.isEmpty()) {
                rule.put("subject", subject);
            }
            out.add(Json.write(rule));
        }
        return out;
    }

    private static Map<String, Object> numeric(String op, Object v) {
        return Map.of("numeric", List.of(op, v));
    }

    /** The event as the JSON tree Ruler matches (parsed once, like Flowline's events). */
    static JsonNode event(EntityEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entity_type", e.entityType());
        m.put("operation", e.operation().jsonName());
        m.put("changed_fields", new ArrayList<>(e.changedFields()));
        m.put("subject", e.subject());
        return Json.MAPPER.valueToTree(m);
    }
}
