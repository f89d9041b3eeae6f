package dev.flowline.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.flowline.json.InputError;
import dev.flowline.json.Json;
import dev.flowline.json.Paths;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses entity events from JSON into {@link EntityEvent}s, reporting every problem with its JSON path.
 *
 * <p>Stateless and thread-safe.
 */
public final class EventParser {

    /** Rejects text after the event ({@code {...} garbage}), which the shared mapper silently ignores. */
    private static final ObjectReader STRICT = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final Set<String> FIELDS = Set.of("event_id", "tenant", "entity_type", "entity_id", "operation",
            "data", "previous", "changed_fields", "occurred_at");

    /** Parses one event from JSON text. */
    public EntityEvent parse(String json) {
        JsonNode node;
        try {
            node = STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            throw new EventInvalidException(List.of(new InputError("",
                    "not valid JSON: " + e.getOriginalMessage() + " (column " + e.getLocation().getColumnNr() + ")")));
        }
        return parse(node, "");
    }

    /** Parses one event from a JSON tree; {@code path} prefixes error paths (e.g. {@code [3]} in an array). */
    @SuppressWarnings("unchecked")
    public EntityEvent parse(JsonNode node, String path) {
        List<InputError> errors = new ArrayList<>();
        if (node == null || !node.isObject()) {
            throw new EventInvalidException(List.of(new InputError(path, "an event must be a JSON object")));
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                errors.add(new InputError(Paths.field(path, name), "unknown field; an event has " + String.join(", ",
                        List.of("event_id", "tenant", "entity_type", "entity_id", "operation", "data", "previous",
                                "changed_fields", "occurred_at"))));
            }
        }
        EntityEvent.Builder b = EntityEvent.builder();
        b.eventId(optionalText(node, "event_id", path, errors));
        String tenant = optionalText(node, "tenant", path, errors);
        if (tenant != null) {
            b.tenant(tenant);
        }
        b.entityType(requiredText(node, "entity_type", path, errors));
        JsonNode id = node.get("entity_id");
        if (id == null || id.isNull()) {
            errors.add(new InputError(Paths.field(path, "entity_id"), "is required (a string or an integer)"));
        } else if (id.isTextual() && !id.textValue().isEmpty() || id.isIntegralNumber()) {
            b.entityId(id.asText());
        } else {
            errors.add(new InputError(Paths.field(path, "entity_id"), "must be a non-empty string or an integer"));
        }
        String op = requiredText(node, "operation", path, errors);
        Operation operation = op == null ? null : Operation.fromJson(op);
        if (op != null && operation == null) {
            errors.add(new InputError(Paths.field(path, "operation"),
                    "unknown operation '" + op + "'; use create, update or delete"));
        }
        b.operation(operation);
        Map<String, Object> data = object(node, "data", path, errors);
        Map<String, Object> previous = object(node, "previous", path, errors);
        if (operation != null && operation != Operation.DELETE && data == null && !node.has("data")) {
            errors.add(new InputError(Paths.field(path, "data"), "is required for " + op + " (the entity's state after the change)"));
        }
        b.data(data).previous(previous);
        JsonNode changed = node.get("changed_fields");
        if (changed != null && !changed.isNull()) {
            if (!changed.isArray()) {
                errors.add(new InputError(Paths.field(path, "changed_fields"), "must be a list of field names"));
            } else {
                Set<String> fields = new LinkedHashSet<>();
                for (int i = 0; i < changed.size(); i++) {
                    JsonNode f = changed.get(i);
                    if (f.isTextual() && !f.textValue().isEmpty()) {
                        fields.add(f.textValue());
                    } else {
                        errors.add(new InputError(Paths.index(Paths.field(path, "changed_fields"), i),
                                "must be a non-empty field name"));
                    }
                }
                b.changedFields(fields);
            }
        }
        String occurred = optionalText(node, "occurred_at", path, errors);
        if (occurred != null) {
            try {
                b.occurredAt(Instant.parse(occurred));
            } catch (DateTimeParseException e) {
                errors.add(new InputError(Paths.field(path, "occurred_at"),
                        "must be an ISO-8601 instant such as 2026-11-26T10:15:30.000Z, not '" + occurred + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw new EventInvalidException(errors);
        }
        return b.build();
    }

    private static String requiredText(JsonNode node, String name, String path, List<InputError> errors) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            errors.add(new InputError(Paths.field(path, name), "is required"));
            return null;
        }
        if (!v.isTextual() || v.textValue().isEmpty()) {
            errors.add(new InputError(Paths.field(path, name), "must be a non-empty string"));
            return null;
        }
        return v.textValue();
    }

    private static String optionalText(JsonNode node, String name, String path, List<InputError> errors) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.textValue().isEmpty()) {
            errors.add(new InputError(Paths.field(path, name), "must be a non-empty string"));
            return null;
        }
        return v.textValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(JsonNode node, String name, String path, List<InputError> errors) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            errors.add(new InputError(Paths.field(path, name), "must be a JSON object"));
            return null;
        }
        return (Map<String, Object>) Json.toJava(v);
    }
}
