package dev.flowline.condition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders conditions so that cheap ones run first, whatever order the user wrote them in.
 *
 * <p>Field tests cost least, then expressions, then database queries; composites cost the sum of their parts and
 * are reordered inside too. The sort is stable, so equally cheap conditions keep the written order.
 */
public final class ConditionOrder {

    private ConditionOrder() {
    }

    /** A new list with the conditions (and the children of composites) sorted cheapest first. */
    public static List<Condition> cheapestFirst(List<Condition> conditions) {
        List<Condition> out = new ArrayList<>(conditions.size());
        for (Condition c : conditions) {
            out.add(reorder(c));
        }
        out.sort(Comparator.comparingLong(ConditionOrder::cost));
        return List.copyOf(out);
    }

    private static Condition reorder(Condition c) {
        return switch (c) {
            case AllOf all -> new AllOf(all.path(), cheapestFirst(all.conditions()));
            case AnyOf any -> new AnyOf(any.path(), cheapestFirst(any.conditions()));
            case Not not -> new Not(not.path(), reorder(not.condition()));
            default -> c;
        };
    }

    /** Relative cost of evaluating a condition. */
    public static long cost(Condition c) {
        return switch (c) {
            case FieldCondition f -> f.operator() == Operator.MATCHES ? 3 : 1;
            case AllOf all -> all.conditions().stream().mapToLong(ConditionOrder::cost).sum();
            case AnyOf any -> any.conditions().stream().mapToLong(ConditionOrder::cost).sum();
            case Not not -> cost(not.condition());
            case ExpressionCondition e -> 20;
            case QueryCondition q -> 10_000;
        };
    }
}
