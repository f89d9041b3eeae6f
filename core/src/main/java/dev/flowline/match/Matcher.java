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
 * <p>{@link #evaluate} records every candidate's outcome (for executions and the dashboard); {@link #matching} only
 * answers which workflows run, on a compiled form of the same index.
 *
 * <p>Thread-safe.
 */
public final class Matcher {

    private final TriggerIndex index;
    private final ConditionEvaluator conditions;
    private final CompiledMatcher compiled;

    public Matcher(TriggerIndex index, ConditionEvaluator conditions) {
        this.index = index;
        this.conditions = conditions;
        this.compiled = CompiledMatcher.build(index.workflows());
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

    /**
     * The workflows whose trigger and conditions hold, in no particular order (no recording; the fast path, on the
     * triggers and conditions compiled by {@link CompiledMatcher}).
     */
    public List<WorkflowDefinition> matching(EntityEvent event, Function<WorkflowDefinition, Map<String, Object>> context) {
        List<WorkflowDefinition> out = new ArrayList<>();
        compiled.matching(event, conditions, context, out);
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
