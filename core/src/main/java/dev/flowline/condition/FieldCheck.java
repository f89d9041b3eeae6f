package dev.flowline.condition;

import dev.flowline.event.EntityEvent;
import dev.flowline.value.FieldPath;
import dev.flowline.value.Values;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link FieldCondition} compiled for the matcher's hot path: the operand is unpacked once (a {@code long}, a
 * string, a hash set of keys), and the test takes the field's value already read, so that many conditions on one
 * field of one event share one map lookup.
 *
 * <p>The fast paths cover the common value types (strings and longs, as JSON parsing produces them); every other
 * value falls back to the general rules of {@link FieldTests}, so the result is always exactly what
 * {@link ConditionEvaluator} decides. Immutable and thread-safe.
 */
public final class FieldCheck {

    private static final int GENERIC = 0;
    private static final int STRING_EQ = 1;
    private static final int STRING_NE = 2;
    private static final int LONG_EQ = 3;
    private static final int LONG_NE = 4;
    private static final int LONG_GT = 5;
    private static final int LONG_GTE = 6;
    private static final int LONG_LT = 7;
    private static final int LONG_LTE = 8;
    private static final int LONG_BETWEEN = 9;
    private static final int KEY_IN = 10;
    private static final int KEY_NOT_IN = 11;
    private static final int STARTS_WITH = 12;
    private static final int EXISTS = 13;
    private static final int CHANGED = 14;

    private final FieldCondition condition;
    private final int kind;
    private final String text;
    private final long low;
    private final long high;
    private final Set<Object> keys;

    private FieldCheck(FieldCondition condition, int kind, String text, long low, long high, Set<Object> keys) {
        this.condition = condition;
        this.kind = kind;
        this.text = text;
        this.low = low;
        this.high = high;
        this.keys = keys;
    }

    /** Compiles a field condition. */
    public static FieldCheck of(FieldCondition c) {
        Object v = c.value();
        return switch (c.operator()) {
            case CHANGED, CHANGED_FROM, CHANGED_TO -> new FieldCheck(c, CHANGED, null, 0, 0, null);
            case EQ, NE -> {
                if (v instanceof String s) {
                    yield new FieldCheck(c, c.operator() == Operator.EQ ? STRING_EQ : STRING_NE, s, 0, 0, null);
                }
                yield longCheck(c, c.operator() == Operator.EQ ? LONG_EQ : LONG_NE);
            }
            case GT -> longCheck(c, LONG_GT);
            case GTE -> longCheck(c, LONG_GTE);
            case LT -> longCheck(c, LONG_LT);
            case LTE -> longCheck(c, LONG_LTE);
            case BETWEEN -> v instanceof List<?> range && range.size() == 2 && exactLong(range.get(0))
                    && exactLong(range.get(1))
                    ? new FieldCheck(c, LONG_BETWEEN, null, ((Number) range.get(0)).longValue(),
                    ((Number) range.get(1)).longValue(), null)
                    : generic(c);
            case IN, NOT_IN -> {
                Set<Object> keys = scalarKeys(v);
                yield keys == null ? generic(c)
                        : new FieldCheck(c, c.operator() == Operator.IN ? KEY_IN : KEY_NOT_IN, null, 0, 0, keys);
            }
            case STARTS_WITH -> v instanceof String s ? new FieldCheck(c, STARTS_WITH, s, 0, 0, null) : generic(c);
            case EXISTS -> new FieldCheck(c, EXISTS, null, 0, 0, null);
            default -> generic(c);
        };
    }

    private static FieldCheck longCheck(FieldCondition c, int kind) {
        return exactLong(c.value()) ? new FieldCheck(c, kind, null, ((Number) c.value()).longValue(), 0, null)
                : generic(c);
    }

    private static FieldCheck generic(FieldCondition c) {
        return new FieldCheck(c, GENERIC, null, 0, 0, null);
    }

    /** An integral operand that a long holds (not a BigInteger, whose comparisons take the general path). */
    private static boolean exactLong(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || (v instanceof BigInteger b && b.bitLength() < 64);
    }

    /** The index keys of a list of scalars; null when some element is not a scalar. */
    private static Set<Object> scalarKeys(Object operand) {
        if (!(operand instanceof List<?> list)) {
            return null;
        }
        Set<Object> keys = new HashSet<>();
        for (Object o : list) {
            Object k = Values.indexKey(o);
            if (k == null) {
                return null;
            }
            keys.add(k);
        }
        return Set.copyOf(keys);
    }

    public FieldCondition condition() {
        return condition;
    }

    /** The field whose value {@link #test(Object)} takes; null when the check reads the event itself. */
    public FieldPath field() {
        return kind == CHANGED ? null : condition.field();
    }

    /**
     * For a comparison with a long operand ({@code gt}, {@code gte}, {@code lt}, {@code lte}, {@code between}): the
     * inclusive range {@code [low, high]} of {@code Long} values that pass (empty when low > high); null for every
     * other check. Values of other types must still go through {@link #test(Object)}.
     */
    public long[] longRange() {
        return switch (kind) {
            case LONG_GT -> low == Long.MAX_VALUE ? new long[] {1, 0} : new long[] {low + 1, Long.MAX_VALUE};
            case LONG_GTE -> new long[] {low, Long.MAX_VALUE};
            case LONG_LT -> low == Long.MIN_VALUE ? new long[] {1, 0} : new long[] {Long.MIN_VALUE, low - 1};
            case LONG_LTE -> new long[] {Long.MIN_VALUE, low};
            case LONG_BETWEEN -> new long[] {low, high};
            default -> null;
        };
    }

    /** Whether the check needs the whole event ({@code changed}, {@code changed_from}, {@code changed_to}). */
    public boolean readsEvent() {
        return kind == CHANGED;
    }

    /** Tests a check that {@link #readsEvent() reads the event}. */
    public boolean test(EntityEvent event) {
        return FieldTests.test(condition, event);
    }

    /**
     * Tests the field's current value.
     *
     * @param v the value at {@link #field()} of the event's subject, {@link FieldPath#ABSENT} when missing
     */
    public boolean test(Object v) {
        switch (kind) {
            case STRING_EQ:
                if (v instanceof String s) {
                    return s.equals(text);
                }
                break;
            case STRING_NE:
                if (v instanceof String s) {
                    return !s.equals(text);
                }
                break;
            case LONG_EQ:
                if (v instanceof Long l) {
                    return l == low;
                }
                break;
            case LONG_NE:
                if (v instanceof Long l) {
                    return l != low;
                }
                break;
            case LONG_GT:
                if (v instanceof Long l) {
                    return l > low;
                }
                break;
            case LONG_GTE:
                if (v instanceof Long l) {
                    return l >= low;
                }
                break;
            case LONG_LT:
                if (v instanceof Long l) {
                    return l < low;
                }
                break;
            case LONG_LTE:
                if (v instanceof Long l) {
                    return l <= low;
                }
                break;
            case LONG_BETWEEN:
                if (v instanceof Long l) {
                    return l >= low && l <= high;
                }
                break;
            case KEY_IN:
                if (v instanceof String || v instanceof Long) {
                    return keys.contains(v);
                }
                break;
            case KEY_NOT_IN:
                if (v instanceof String || v instanceof Long) {
                    return !keys.contains(v);
                }
                break;
            case STARTS_WITH:
                return v instanceof String s && s.startsWith(text);
            case EXISTS:
                return v != FieldPath.ABSENT && v != null;
            default:
                break;
        }
        return FieldTests.testValue(condition, v);
    }
}
