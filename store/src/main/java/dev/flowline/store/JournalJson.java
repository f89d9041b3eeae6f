package dev.flowline.store;

import dev.flowline.condition.ConditionResult;
import dev.flowline.execution.AttemptRecord;
import dev.flowline.execution.Times;
import dev.flowline.json.Json;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON kept in the journal's TEXT columns: condition results and action attempts. Stateless, thread-safe. */
final class JournalJson {

    private JournalJson() {
    }

    static String conditions(List<ConditionResult> conditions) {
        return Json.write(conditions.stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", c.path());
            m.put("description", c.description());
            m.put("passed", c.passed());
            m.put("time_ns", c.timeNanos());
            m.put("error", c.error());
            return m;
        }).toList());
    }

    static List<ConditionResult> conditions(String json) {
        return list(json).stream().map(m -> new ConditionResult((String) m.get("path"), (String) m.get("description"),
                Boolean.TRUE.equals(m.get("passed")), number(m.get("time_ns")), (String) m.get("error"))).toList();
    }

    static String attempts(List<AttemptRecord> attempts) {
        return Json.write(attempts.stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("attempt", a.attempt());
            m.put("started_at", Times.iso(a.startedAt()));
            m.put("duration_ms", a.durationMs());
            m.put("error", a.error());
            if (a.httpStatus() != null) {
                m.put("http_status", a.httpStatus());
            }
            return m;
        }).toList());
    }

    static List<AttemptRecord> attempts(String json) {
        return list(json).stream().map(m -> new AttemptRecord((int) number(m.get("attempt")),
                m.get("started_at") == null ? null : Instant.parse((String) m.get("started_at")),
                number(m.get("duration_ms")), (String) m.get("error"),
                m.get("http_status") == null ? null : (int) number(m.get("http_status")))).toList();
    }

    /** An action output as JSON text, or null for none. */
    static String output(Object output) {
        return output == null ? null : Json.write(output);
    }

    /** An action output as plain values (maps, lists, strings, numbers, booleans), or null. */
    static Object output(String json) {
        return json == null ? null : Json.parse(json);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(String json) {
        return (List<Map<String, Object>>) Json.parse(json);
    }

    private static long number(Object n) {
        return n == null ? 0 : ((Number) n).longValue();
    }
}
