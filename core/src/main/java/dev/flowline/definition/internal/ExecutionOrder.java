package dev.flowline.definition.internal;

import dev.flowline.action.ActionDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A topological order of actions that keeps declaration order wherever dependencies allow. */
public final class ExecutionOrder {

    private ExecutionOrder() {
    }

    /** Positions of the actions in run order; the actions must form a DAG with known dependencies. */
    public static List<Integer> of(List<ActionDefinition> actions, Map<String, Integer> index) {
        int n = actions.size();
        boolean[] done = new boolean[n];
        List<Integer> order = new ArrayList<>(n);
        while (order.size() < n) {
            boolean progressed = false;
            for (int i = 0; i < n; i++) {
                if (!done[i] && ready(actions.get(i), index, done)) {
                    done[i] = true;
                    order.add(i);
                    progressed = true;
                    break;
                }
            }
            if (!progressed) {
                throw new IllegalStateException("actions contain a dependency cycle");
            }
        }
        return order;
    }

    private static boolean ready(ActionDefinition a, Map<String, Integer> index, boolean[] done) {
        for (String dep : a.common().dependencies()) {
            if (!done[index.get(dep)]) {
                return false;
            }
        }
        return true;
    }
}
