package dev.flowline.action.internal;

import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.event.EntityEvent;

import java.time.Duration;
import java.util.Map;

/**
 * Everything one attempt of one action may use.
 *
 * @param executionId the execution
 * @param workflow    the workflow
 * @param event       the triggering event
 * @param attempt     1-based attempt number
 * @param context     the template context (entity, previous, event, workflow, execution, result variables)
 * @param timeout     the attempt's time limit
 */
public record Attempt(String executionId, WorkflowDefinition workflow, EntityEvent event, int attempt,
                      Map<String, Object> context, Duration timeout) {

    public String idempotencyKey(String actionId) {
        return executionId + ":" + actionId;
    }
}
