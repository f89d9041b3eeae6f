package dev.flowline.event;

/**
 * One step of an event's causation chain: the workflow execution whose {@code update_entity}
 * action emitted the next event.
 *
 * @param workflowId  the workflow that ran
 * @param entityType  the entity it ran for
 * @param entityId    the entity it ran for
 * @param executionId the execution that emitted the event
 */
public record CausationLink(String workflowId, String entityType, String entityId, String executionId) {

    @Override
    public String toString() {
        return workflowId + "@" + entityType + ":" + entityId;
    }
}
