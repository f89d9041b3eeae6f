package dev.flowline.definition.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.json.InputError;
import dev.flowline.json.Json;
import dev.flowline.json.Paths;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of one JSON object of a definition, recording an error with its path for each problem and
 * remembering which fields were read so that unknown (misspelt) ones can be reported. Not thread-safe.
 */
public final class ObjectReader {

    private final JsonNode node;
    private final String path;
    private final List<InputError> errors;
    private final Set<String> read = new HashSet<>();

    public ObjectReader(JsonNode node, String path, List<InputError> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    /** A reader for a nested object at {@code field}, sharing this reader's error list. */
    public ObjectReader child(JsonNode value, String field) {
        return new ObjectReader(value, path(field), errors);
    }

    public String path() {
        return path;
    }

    public String path(String field) {
        return Paths.field(path, field);
    }

    public void error(String field, String message) {
        errors.add(new InputError(field == null ? path : path(field), message));
    }

    /** How many errors have been recorded so far (by any reader sharing the list). */
    public int errorCount() {
        return errors.size();
    }

    /** Whether the field is written as JSON {@code null} (which {@link #get} treats as absent). */
    public boolean isNull(String field) {
        JsonNode v = node.get(field);
        return v != null && v.isNull();
    }

    public boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    /** The raw value (marks the field as known); null when absent or JSON null. */
    public JsonNode get(String field) {
        read.add(field);
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    /** Marks fields as known without reading them. */
    public void allow(String... fields) {
        read.addAll(List.of(fields));
    }

    public String requiredString(String field) {
        JsonNode v = get(field);
        if (v == null) {
            error(field, "is required");
            return null;
        }
        return text(field, v);
    }

    public String optionalString(String field) {
        JsonNode v = get(field);
        return v == null ? null : text(field, v);
    }

    private String text(String field, JsonNode v) {
        if (!v.isTextual() || v.textValue().isBlank()) {
            error(field, "must be a non-empty string, not " + shown(v));
            return null;
        }
        return v.textValue();
    }

    /** A list of non-empty strings; a single string is accepted as a list of one. Null when absent. */
    public List<String> stringList(String field) {
        JsonNode v = get(field);
        if (v == null) {
            return null;
        }
        if (v.isTextual()) {
            String one = text(field, v);
            return one == null ? List.of() : List.of(one);
        }
        if (!v.isArray()) {
            error(field, "must be a list of strings, not " + shown(v));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (item.isTextual() && !item.textValue().isBlank()) {
                out.add(item.textValue());
            } else {
                errors.add(new InputError(Paths.index(path(field), i),
                        "must be a non-empty string, not " + shown(item)));
            }
        }
        return out;
    }

    /** An integer within [min, max] ({@code 5.0} counts as 5, as in JSON Schema), or {@code fallback} when absent. */
    public long integer(String field, long min, long max, long fallback) {
        JsonNode v = get(field);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber() || !v.canConvertToExactIntegral() || !v.canConvertToLong() || v.longValue() < min
                || v.longValue() > max) {
            error(field, "must be a whole number from " + min + " to " + max + ", not " + shown(v));
            return fallback;
        }
        return v.longValue();
    }

    public Boolean bool(String field) {
        JsonNode v = get(field);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            error(field, "must be true or false, not " + shown(v));
            return null;
        }
        return v.booleanValue();
    }

    /** The value as plain Java values (maps, lists, strings, numbers), or null when absent. */
    public Object plain(String field) {
        JsonNode v = get(field);
        return v == null ? null : Json.toJava(v);
    }

    /** Reports every field that was never read, suggesting the closest known name. */
    public void rejectUnknown(Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!read.contains(name) && !known.contains(name)) {
                String suggestion = Suggest.closest(name, known);
                String fields = String.join(", ", known.stream().sorted().toList());
                error(name, "unknown field '" + name + "'" + (suggestion == null
                        ? "; remove it or use one of the fields known here: " + fields
                        : "; did you mean '" + suggestion + "'? Fields known here: " + fields));
            }
        }
    }

    /** A value as it was written, shortened, for messages. */
    public static String shown(JsonNode v) {
        String s = v.toString();
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
