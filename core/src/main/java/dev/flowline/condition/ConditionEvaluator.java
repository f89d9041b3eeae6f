package dev.flowline.condition;

import dev.flowline.FlowlineException;
import dev.flowline.event.EntityEvent;
import dev.flowline.template.TemplateValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Evaluates a workflow's conditions against an event, short-circuiting at the first that fails.
 *
 * <p>Conditions are expected in the order {@link ConditionOrder#cheapestFirst} produced. The template context
 * (for expressions and query parameters) is only built when a condition needs it. Thread-safe.
 */
public final class ConditionEvaluator {

    private final QueryConditionRunner queries;

    /** @param queries runs query conditions; null when no application database is configured */
    public ConditionEvaluator(QueryConditionRunner queries) {
        this.queries = queries;
    }

    /** Evaluates all conditions (implicit AND), recording the result and time of each top-level one evaluated. */
    public ConditionOutcome evaluate(List<Condition> conditions, EntityEvent event,
                                     Supplier<Map<String, Object>> context) {
        long start = System.nanoTime();
        List<ConditionResult> results = new ArrayList<>(conditions.size());
        Lazy lazy = new Lazy(context);
        for (Condition c : conditions) {
            long t0 = System.nanoTime();
            boolean passed;
            try {
                passed = test(c, event, lazy);
            } catch (FlowlineException e) {
                long now = System.nanoTime();
                results.add(new ConditionResult(c.path(), c.describe(), false, now - t0, e.getMessage()));
                return new ConditionOutcome(false, results, now - start, e.getMessage());
            }
            results.add(new ConditionResult(c.path(), c.describe(), passed, System.nanoTime() - t0, null));
            if (!passed) {
                break;
            }
        }
        boolean all = results.size() == conditions.size() && (results.isEmpty() || results.getLast().passed());
        return new ConditionOutcome(all, results, System.nanoTime() - start, null);
    }

    /** Whether every condition holds, without recording anything (the matcher's fast path). */
    public boolean allHold(List<Condition> conditions, EntityEvent event, Supplier<Map<String, Object>> context) {
        Lazy lazy = new Lazy(context);
        for (Condition c : conditions) {
            if (!test(c, event, lazy)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every condition holds, without recording anything: the matcher's fast path for many candidates.
     * Field tests are evaluated directly; the template context ({@code context} applied to {@code owner}) is only
     * built when a condition needs it, and nothing is allocated for a plan of field tests.
     */
    public <W> boolean allHold(List<Condition> conditions, EntityEvent event, W owner,
                               Function<? super W, Map<String, Object>> context) {
        Lazy lazy = null;
        for (int i = 0, n = conditions.size(); i < n; i++) {
            Condition c = conditions.get(i);
            boolean holds;
            if (c instanceof FieldCondition f) {
                holds = FieldTests.test(f, event);
            } else {
                if (lazy == null) {
                    lazy = new Lazy(() -> context.apply(owner));
                }
                holds = test(c, event, lazy);
            }
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    /** Evaluates one condition. */
    public boolean test(Condition condition, EntityEvent event, Supplier<Map<String, Object>> context) {
        return test(condition, event, new Lazy(context));
    }

    private boolean test(Condition condition, EntityEvent event, Lazy context) {
        return switch (condition) {
            case FieldCondition f -> FieldTests.test(f, event);
            case AllOf all -> {
                for (Condition c : all.conditions()) {
                    if (!test(c, event, context)) {
                        yield false;
                    }
                }
                yield true;
            }
            case AnyOf any -> {
                for (Condition c : any.conditions()) {
                    if (test(c, event, context)) {
                        yield true;
                    }
                }
                yield false;
            }
            case Not not -> !test(not.condition(), event, context);
            case ExpressionCondition e -> {
                try {
                    yield e.expression().test(context.get());
                } catch (FlowlineException ex) {
                    throw new ConditionException(e.path(), "expression failed: " + ex.getMessage(), ex);
                }
            }
            case QueryCondition q -> query(q, context);
        };
    }

    private boolean query(QueryCondition q, Lazy context) {
        if (queries == null) {
            throw new ConditionException(q.path(),
                    "a query condition needs an application database; none is configured", null);
        }
        Map<String, Object> params = new HashMap<>();
        try {
            for (Map.Entry<String, TemplateValue> p : q.params().entrySet()) {
                params.put(p.getKey(), p.getValue().render(context.get()));
            }
        } catch (FlowlineException ex) {
            throw new ConditionException(q.path(), "params failed to render: " + ex.getMessage(), ex);
        }
        return queries.test(q, params);
    }

    /** Builds the template context at most once per evaluation. Not thread-safe (one evaluation, one thread). */
    private static final class Lazy {
        private final Supplier<Map<String, Object>> supplier;
        private Map<String, Object> value;

        Lazy(Supplier<Map<String, Object>> supplier) {
            this.supplier = supplier;
        }

        Map<String, Object> get() {
            if (value == null) {
                value = supplier.get();
            }
            return value;
        }
    }
}
