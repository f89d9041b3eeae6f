package dev.flowline.definition;

/**
 * How a workflow's actions run.
 *
 * @param strategy           parallel (a DAG, independent actions at once) or sequential (one at a time)
 * @param maxParallelActions at most this many actions of one execution run at once
 */
public record WorkflowSettings(Strategy strategy, int maxParallelActions) {

    /** Parallel, at most 8 actions at once. */
    public static final WorkflowSettings DEFAULT = new WorkflowSettings(Strategy.PARALLEL, 8);

    public WorkflowSettings {
        if (maxParallelActions < 1) {
            throw new IllegalArgumentException("maxParallelActions must be at least 1, was " + maxParallelActions);
        }
    }

    /** {@code action_execution_strategy}. */
    public enum Strategy { PARALLEL, SEQUENTIAL }
}
