package dev.flowline.server.dashboard;

import dev.flowline.execution.ExecutionRecord;
import dev.flowline.execution.ExecutionStatus;

/**
 * One execution as a line of a history table. Immutable.
 *
 * @param id          execution id
 * @param href        its detail page
 * @param workflow    workflow id
 * @param version     workflow version
 * @param entity      {@code type:id}
 * @param tenant      tenant
 * @param status      running, succeeded or failed
 * @param started     start time
 * @param duration    duration, or a dash while running
 * @param conditions  condition time
 * @param error       the error, shortened, or empty
 */
record ExecutionRow(String id, String href, String workflow, int version, String entity, String tenant,
                    String status, String started, String duration, String conditions, String error) {

    private static final int MAX_ERROR = 140;

    static ExecutionRow of(ExecutionRecord r) {
        String error = r.error() == null ? "" : r.error();
        if (error.length() > MAX_ERROR) {
            error = error.substring(0, MAX_ERROR - 1) + "…";
        }
        String status = r.status() == null ? ExecutionStatus.RUNNING.jsonName() : r.status().jsonName();
        return new ExecutionRow(r.executionId(), "/executions/" + Formats.segment(r.executionId()), r.workflowId(),
                r.workflowVersion(), r.entityType() + ":" + r.entityId(), r.tenant(), status,
                Formats.time(r.startedAt()), Formats.millis(r.durationMs()), Formats.micros(r.conditionTimeUs()), error);
    }
}
