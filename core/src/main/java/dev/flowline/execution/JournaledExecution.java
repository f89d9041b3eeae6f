package dev.flowline.execution;

import dev.flowline.condition.ConditionResult;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the journal knows of one execution: enough to skip it when it finished or to resume it when it did not.
 *
 * @param executionId     the execution
 * @param workflowId      its workflow
 * @param workflowVersion the version it runs
 * @param startedAt       when it started
 * @param conditionTimeUs time its conditions took
 * @param conditions      its condition results
 * @param finished        whether it has finished
 * @param actions         the actions recorded so far, by action id
 */
public record JournaledExecution(String executionId, String workflowId, int workflowVersion, Instant startedAt,
                                 long conditionTimeUs, List<ConditionResult> conditions, boolean finished,
                                 Map<String, ActionRecord> actions) {

    public JournaledExecution {
        conditions = List.copyOf(conditions);
        actions = Map.copyOf(actions);
    }
}
