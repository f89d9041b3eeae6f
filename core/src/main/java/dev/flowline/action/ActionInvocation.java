package dev.flowline.action;

import dev.flowline.event.EntityEvent;

import java.util.Map;

/**
 * One attempt of one action, as handed to an {@link ActionHandler}.
 *
 * @param executionId    the execution
 * @param workflowId     the workflow
 * @param actionId       the action
 * @param attempt        1 for the first attempt
 * @param idempotencyKey {@code execution_id:action_id}, the same for every attempt and after a restart
 * @param config         the action's config with templates rendered
 * @param event          the triggering event
 */
public record ActionInvocation(String executionId, String workflowId, String actionId, int attempt,
                               String idempotencyKey, Map<String, Object> config, EntityEvent event) {
}
