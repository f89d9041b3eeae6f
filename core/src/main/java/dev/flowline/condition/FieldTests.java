package dev.flowline.condition;

import dev.flowline.event.EntityEvent;
import dev.flowline.value.FieldPath;
import dev.flowline.value.Values;

import java.util.List;

/** Evaluates {@link FieldCondition}s under the exact semantics of DESIGN.md. Stateless, thread-safe. */
final class FieldTests {

    private FieldTests() {
    }

    static boolean test(FieldCondition c, EntityEvent event) {
        return switch (c.operator()) {
            case CHANGED -> changed(c.field(), event);
            case CHANGED_TO -> changed(c.field(), event) && Values.equal(c.field().read(event.data()), c.value());
            case CHANGED_FROM -> changed(c.field(), event) && Values.equal(c.field().read(event.previous()), c.value());
            default -> testValue(c, c.field().read(event.subject()));
        };
    }

    static boolean changed(FieldPath field, EntityEvent event) {
        return event.changedFields().contains(field.path());
    }

    /** The operators that read the current value; {@code v} may be {@link FieldPath#ABSENT}. */
    static boolean testValue(FieldCondition c, Object v) {
        boolean missing = v == FieldPath.ABSENT || v == null;
        if (missing) {
            return switch (c.operator()) {
                case IS_NULL, NE, NOT_IN -> true;
                default -> false;
            };
        }
        Object operand = c.value();
        return switch (c.operator()) {
            case EQ -> Values.equal(v, operand);
            case NE -> !Values.equal(v, operand);
            case GT, GTE, LT, LTE -> ordered(c.operator(), v, operand);
            case IN -> Values.contains(operand, v);
            case NOT_IN -> !Values.contains(operand, v);
            case CONTAINS -> Values.contains(v, operand);
            case STARTS_WITH -> v instanceof String s && operand instanceof String p && s.startsWith(p);
            case ENDS_WITH -> v instanceof String s && operand instanceof String p && s.endsWith(p);
            case MATCHES -> v instanceof String s && c.pattern().matcher(s).matches();
            case EXISTS -> true;
            case IS_NULL -> false;
            case BETWEEN -> between(v, (List<?>) operand);
            case CHANGED, CHANGED_FROM, CHANGED_TO -> throw new IllegalStateException("handled in test()");
        };
    }

    private static boolean ordered(Operator op, Object a, Object b) {
        Integer s = Values.compare(a, b);
        if (s == null) {
            return false;
        }
        return switch (op) {
            case GT -> s > 0;
            case GTE -> s >= 0;
            case LT -> s < 0;
            default -> s <= 0;
        };
    }

    private static boolean between(Object v, List<?> range) {
        Integer low = Values.compare(v, range.get(0));
        Integer high = Values.compare(v, range.get(1));
        return low != null && high != null && low >= 0 && high <= 0;
    }
}
