package dev.flowline.server.metrics;

import dev.flowline.execution.ActionRecord;
import dev.flowline.execution.ExecutionRecord;
import dev.flowline.execution.ExecutionStatus;
import dev.flowline.execution.Times;
import dev.flowline.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one JSON line per finished execution to the logger {@value #LOGGER} at INFO: the execution id, workflow,
 * status, and the time spent in each phase, for log-based monitoring (the guide's "custom performance logging").
 *
 * <p>A line looks like {@code {"execution_id":"…","workflow_id":"order-paid","workflow_version":1,"event_id":"e2",
 * "tenant":"default","entity_type":"order","entity_id":"o-1","status":"succeeded","started_at":"…",
 * "duration_ms":8,"phases":{"conditions_us":1618,"actions_ms":6},"actions":[{"id":"lines","type":"database",
 * "status":"succeeded","attempts":1,"duration_ms":5}],"error":null}}. Stateless and thread-safe.
 */
public final class ExecutionLog {

    /** The logger's name; the service's logback configuration sends it to stdout, one message per line. */
    public static final String LOGGER = "flowline.execution";

    private final Logger log;

    public ExecutionLog() {
        this(LoggerFactory.getLogger(LOGGER));
    }

    ExecutionLog(Logger log) {
        this.log = log;
    }

    /** Logs one finished execution (nothing when the logger is off). */
    public void log(ExecutionRecord r) {
        if (log.isInfoEnabled()) {
            log.info(Json.write(line(r)));
        }
    }

    /** The fields of one line. */
    static Map<String, Object> line(ExecutionRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("execution_id", r.executionId());
        m.put("workflow_id", r.workflowId());
        m.put("workflow_version", r.workflowVersion());
        m.put("event_id", r.eventId());
        m.put("tenant", r.tenant());
        m.put("entity_type", r.entityType());
        m.put("entity_id", r.entityId());
        m.put("status", r.status() == null ? ExecutionStatus.RUNNING.jsonName() : r.status().jsonName());
        m.put("started_at", Times.iso(r.startedAt()));
        m.put("duration_ms", r.durationMs());
        Map<String, Object> phases = new LinkedHashMap<>();
        phases.put("conditions_us", r.conditionTimeUs());
        phases.put("actions_ms", actionsSpan(r.actions()));
        m.put("phases", phases);
        List<Map<String, Object>> actions = new ArrayList<>();
        for (ActionRecord a : r.actions()) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("id", a.id());
            am.put("type", a.type());
            am.put("status", a.status().jsonName());
            am.put("attempts", a.attempts().size());
            am.put("duration_ms", a.durationMs());
            actions.add(am);
        }
        m.put("actions", actions);
        m.put("error", r.error());
        return m;
    }

    /** Wall time from the first action's start to the last action's end (actions may overlap), or 0. */
    private static long actionsSpan(List<ActionRecord> actions) {
        Instant first = null;
        Instant last = null;
        for (ActionRecord a : actions) {
            if (a.startedAt() != null && (first == null || a.startedAt().isBefore(first))) {
                first = a.startedAt();
            }
            if (a.finishedAt() != null && (last == null || a.finishedAt().isAfter(last))) {
                last = a.finishedAt();
            }
        }
        return first == null || last == null ? 0 : Duration.between(first, last).toMillis();
    }
}
