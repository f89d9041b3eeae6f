package dev.flowline.match;

import dev.flowline.condition.ConditionEvaluator;
import dev.flowline.condition.ConditionOutcome;
import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.event.EntityEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Selects the workflows an event runs: trigger index lookup, then each candidate's conditions, cheapest first.
 *
 * <p>Thread-safe.
 */
public final class Matcher {

    private final TriggerIndex index;
    private final ConditionEvaluator conditions;

    public Matcher(TriggerIndex index, ConditionEvaluator conditions) {
        this.index = index;
        this.conditions = conditions;
    }

    public TriggerIndex index() {
        return index;
    }

    /**
     * Evaluates every candidate's conditions and returns one outcome per candidate (passed or not).
     *
     * @param context builds the template context for a workflow (only called when a condition needs it)
     */
    public List<Candidate> evaluate(EntityEvent event, Function<WorkflowDefinition, Map<String, Object>> context) {
        List<WorkflowDefinition> found = index.candidates(event);
        List<Candidate> out = new ArrayList<>(found.size());
        for (WorkflowDefinition w : found) {
            ConditionOutcome outcome = conditions.evaluate(w.plan(), event, () -> context.apply(w));
            out.add(new Candidate(w, outcome));
        }
        return out;
    }

    /** The ids of the workflows whose trigger and conditions hold (no recording; the fast path). */
    public List<WorkflowDefinition> matching(EntityEvent event, Function<WorkflowDefinition, Map<String, Object>> context) {
        List<WorkflowDefinition> found = index.candidates(event);
        List<WorkflowDefinition> out = new ArrayList<>(found.size());
        for (int i = 0, n = found.size(); i < n; i++) {
            WorkflowDefinition w = found.get(i);
            if (conditions.allHold(w.plan(), event, w, context)) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * A workflow the index selected, with the outcome of its conditions.
     *
     * @param workflow the workflow
     * @param outcome  its conditions' outcome
     */
    public record Candidate(WorkflowDefinition workflow, ConditionOutcome outcome) {
    }
}
