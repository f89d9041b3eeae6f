package dev.flowline.execution;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One attempt of one action.
 *
 * @param attempt    1-based
 * @param startedAt  start
 * @param durationMs how long it took
 * @param error      why it failed, or null when it succeeded
 * @param httpStatus the HTTP status the attempt got (webhooks), or null
 */
public record AttemptRecord(int attempt, Instant startedAt, long durationMs, String error, Integer httpStatus) {

    public AttemptRecord(int attempt, Instant startedAt, long durationMs, String error) {
        this(attempt, startedAt, durationMs, error, null);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attempt", attempt);
        m.put("started_at", Times.iso(startedAt));
        m.put("duration_ms", durationMs);
        m.put("error", error);
        if (httpStatus != null) {
            m.put("http_status", httpStatus);
        }
        return m;
    }
}
