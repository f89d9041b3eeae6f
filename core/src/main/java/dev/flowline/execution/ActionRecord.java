package dev.flowline.execution;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened to one action of an execution.
 *
 * @param id           action id
 * @param type         action type
 * @param status       succeeded, failed or skipped
 * @param attempts     each attempt made (empty when skipped)
 * @param startedAt    start of the first attempt, or null when skipped
 * @param finishedAt   end of the last attempt, or null when skipped
 * @param output       the action's output, or null
 * @param error        the last error, or why it was skipped
 */
public record ActionRecord(String id, String type, ActionStatus status, List<AttemptRecord> attempts,
                           Instant startedAt, Instant finishedAt, Object output, String error) {

    public ActionRecord {
        attempts = List.copyOf(attempts);
    }

    public long durationMs() {
        return startedAt == null || finishedAt == null ? 0 : Duration.between(startedAt, finishedAt).toMillis();
    }

    public static ActionRecord skipped(String id, String type, String reason) {
        return new ActionRecord(id, type, ActionStatus.SKIPPED, List.of(), null, null, null, reason);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("type", type);
        m.put("status", status.jsonName());
        m.put("attempts", attempts.size());
        m.put("started_at", Times.iso(startedAt));
        m.put("finished_at", Times.iso(finishedAt));
        m.put("duration_ms", durationMs());
        m.put("output", output);
        m.put("error", error);
        m.put("attempt_log", attempts.stream().map(AttemptRecord::toJson).toList());
        return m;
    }
}
