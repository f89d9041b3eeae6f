package dev.flowline.execution;

import dev.flowline.condition.ConditionResult;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record of one run of one workflow version for one event: the unit {@code flowline run} writes and the
 * dashboard shows. Immutable.
 *
 * @param executionId      unique id
 * @param workflowId       the workflow
 * @param workflowVersion  the version that ran
 * @param eventId          the triggering event
 * @param tenant           the event's tenant
 * @param entityType       the event's entity type
 * @param entityId         the event's entity id
 * @param status           running, succeeded or failed
 * @param startedAt        when condition evaluation started
 * @param finishedAt       when the last action finished, or null while running
 * @param conditionTimeUs  time spent evaluating conditions, in microseconds
 * @param conditions       each top-level condition evaluated, in evaluation order
 * @param error            why the execution failed, or null
 * @param actions          one record per action, in definition order
 */
public record ExecutionRecord(String executionId, String workflowId, int workflowVersion, String eventId, String tenant,
                              String entityType, String entityId, ExecutionStatus status, Instant startedAt,
                              Instant finishedAt, long conditionTimeUs, List<ConditionResult> conditions, String error,
                              List<ActionRecord> actions) {

    public ExecutionRecord {
        conditions = List.copyOf(conditions);
        actions = List.copyOf(actions);
    }

    /** Time from start to finish; for a running execution, null. */
    public Long durationMs() {
        return finishedAt == null ? null : Duration.between(startedAt, finishedAt).toMillis();
    }

    /** The JSON form (snake_case, ISO-8601 times with milliseconds). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("execution_id", executionId);
        m.put("workflow_id", workflowId);
        m.put("workflow_version", workflowVersion);
        m.put("event_id", eventId);
        m.put("tenant", tenant);
        m.put("entity_type", entityType);
        m.put("entity_id", entityId);
        m.put("status", status == null ? ExecutionStatus.RUNNING.jsonName() : status.jsonName());
        m.put("started_at", Times.iso(startedAt));
        m.put("finished_at", Times.iso(finishedAt));
        m.put("duration_ms", durationMs());
        m.put("condition_time_us", conditionTimeUs);
        m.put("error", error);
        m.put("conditions", conditions.stream().map(c -> {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("path", c.path());
            cm.put("description", c.description());
            cm.put("passed", c.passed());
            cm.put("time_us", c.timeNanos() / 1000);
            cm.put("error", c.error());
            return cm;
        }).toList());
        m.put("actions", actions.stream().map(ActionRecord::toJson).toList());
        return m;
    }
}
