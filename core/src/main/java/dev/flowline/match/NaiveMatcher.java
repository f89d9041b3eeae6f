package dev.flowline.match;

import dev.flowline.condition.ConditionEvaluator;
import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.event.EntityEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The guide's "Bad" matcher: every workflow, conditions in written order. The reference the trigger index is
 * tested and benchmarked against. Thread-safe.
 */
public final class NaiveMatcher {

    private final List<WorkflowDefinition> workflows;
    private final ConditionEvaluator conditions;

    /** @param conditions evaluates conditions; may be null when only {@link #candidates} is used */
    public NaiveMatcher(List<WorkflowDefinition> workflows, ConditionEvaluator conditions) {
        this.workflows = List.copyOf(workflows);
        this.conditions = conditions;
    }

    /** The workflows whose trigger fires for the event, found by checking every workflow. */
    public List<WorkflowDefinition> candidates(EntityEvent event) {
        List<WorkflowDefinition> out = new ArrayList<>();
        for (WorkflowDefinition w : workflows) {
            if (fires(w, event)) {
                out.add(w);
            }
        }
        return out;
    }

    /** The workflows whose trigger fires and whose conditions, evaluated in written order, all hold. */
    public List<WorkflowDefinition> matching(EntityEvent event, Function<WorkflowDefinition, Map<String, Object>> context) {
        List<WorkflowDefinition> out = new ArrayList<>();
        for (WorkflowDefinition w : workflows) {
            if (fires(w, event) && conditions.allHold(w.conditions(), event, () -> context.apply(w))) {
                out.add(w);
            }
        }
        return out;
    }

    private static boolean fires(WorkflowDefinition w, EntityEvent event) {
        return w.enabled() && w.trigger() != null && (w.tenant() == null || w.tenant().equals(event.tenant()))
                && w.trigger().fires(event);
    }
}
