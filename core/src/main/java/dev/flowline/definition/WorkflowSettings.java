package dev.flowline.definition;

/**
 * How a workflow's actions run.
 *
 * @param strategy              parallel (a DAG, independent actions at once) or sequential (one at a time)
 * @param maxParallelActions    at most this many actions of one execution run at once
 * @param notificationBatchSize normal-priority notifications per recipient grouped into one digest, or null for the
 *                              service default
 * @param notificationMaxDelayMs longest a normal notification waits for its digest, or null for the service default
 * @param webhookSigningSecret  template of the HMAC secret for this workflow's webhooks, or null
 */
public record WorkflowSettings(Strategy strategy, int maxParallelActions, Integer notificationBatchSize,
                               Long notificationMaxDelayMs, dev.flowline.template.TemplateValue webhookSigningSecret) {

    /** Parallel, at most 8 actions at once, service defaults for notifications and signing. */
    public static final WorkflowSettings DEFAULT = new WorkflowSettings(Strategy.PARALLEL, 8);

    public WorkflowSettings {
        if (maxParallelActions < 1) {
            throw new IllegalArgumentException("maxParallelActions must be at least 1, was " + maxParallelActions);
        }
    }

    public WorkflowSettings(Strategy strategy, int maxParallelActions) {
        this(strategy, maxParallelActions, null, null, null);
    }

    /** {@code action_execution_strategy}. */
    public enum Strategy { PARALLEL, SEQUENTIAL }
}
