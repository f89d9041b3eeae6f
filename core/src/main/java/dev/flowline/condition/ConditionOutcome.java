package dev.flowline.condition;

import java.util.List;

/**
 * The outcome of evaluating all conditions of one workflow for one event.
 *
 * @param passed     whether all conditions held
 * @param results    one result per top-level condition evaluated, in evaluation order (short-circuited ones missing)
 * @param timeNanos  total evaluation time
 * @param error      why evaluation failed (a query error, a template error), or null
 */
public record ConditionOutcome(boolean passed, List<ConditionResult> results, long timeNanos, String error) {

    public ConditionOutcome {
        results = List.copyOf(results);
    }

    /** The first condition that did not hold, or null when all held. */
    public ConditionResult firstFailure() {
        for (ConditionResult r : results) {
            if (!r.passed()) {
                return r;
            }
        }
        return null;
    }
}
