package dev.flowline.server.workflow;

import dev.flowline.FlowlineException;

/** No (undeleted) workflow has this id, or not this version. */
public class WorkflowNotFoundException extends FlowlineException {

    private final String workflowId;

    public WorkflowNotFoundException(String workflowId, Integer version) {
        super("workflow '" + workflowId + "'" + (version == null ? "" : " version " + version) + " not found");
        this.workflowId = workflowId;
    }

    public String workflowId() {
        return workflowId;
    }
}
