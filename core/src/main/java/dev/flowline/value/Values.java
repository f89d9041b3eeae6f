package dev.flowline.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Comparison rules for entity values, the single source of truth for conditions and the trigger index.
 *
 * <p>Numbers compare numerically whatever their Java or JSON form ({@code 100} equals {@code 100.0});
 * strings compare by code point; a number never equals a string (no coercion). Stateless and thread-safe.
 */
public final class Values {

    private static final double LONG_RANGE = 0x1p63;
    /** Longs within this magnitude convert to double exactly. */
    private static final long EXACT_DOUBLE_LONG = 1L << 53;

    private Values() {
    }

    /** Deep equality under the numeric rules above. */
    public static boolean equal(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return compareNumbers(x, y) == 0;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<?> i = x.iterator();
            Iterator<?> j = y.iterator();
            while (i.hasNext()) {
                if (!equal(i.next(), j.next())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !equal(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Character || b instanceof Character) {
            // a character is the one-character string; it never equals a number ('5' is not 5)
            Object x = a instanceof Character ? a.toString() : a;
            Object y = b instanceof Character ? b.toString() : b;
            return x.equals(y);
        }
        return a.equals(b);
    }

    /**
     * Orders two values when they are comparable: two numbers, or two strings (by code point).
     *
     * @return negative, zero or positive; {@code null} when the values are not comparable
     */
    public static Integer compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return compareNumbers(x, y);
        }
        if (a instanceof String x && b instanceof String y) {
            return compareCodePoints(x, y);
        }
        return null;
    }

    static int compareNumbers(Number a, Number b) {
        boolean ia = isIntegral(a);
        boolean ib = isIntegral(b);
        if (ia && ib) {
            if (a instanceof BigInteger || b instanceof BigInteger) {
                return toBigInteger(a).compareTo(toBigInteger(b));
            }
            return Long.compare(a.longValue(), b.longValue());
        }
        boolean fa = !ia && !(a instanceof BigDecimal);
        boolean fb = !ib && !(b instanceof BigDecimal);
        if (fa && fb) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            return Double.compare(x == 0.0 ? 0.0 : x, y == 0.0 ? 0.0 : y);
        }
        if (fa) {
            return compareWithExact(a.doubleValue(), b);
        }
        if (fb) {
            return -compareWithExact(b.doubleValue(), a);
        }
        return toBigDecimal(a).compareTo(toBigDecimal(b));
    }

    /**
     * Compares a double with an exact number (integral or BigDecimal) without rounding the exact one, so that
     * equality agrees with indexKey ({@code (double) Long.MAX_VALUE} is 2^63, which is not Long.MAX_VALUE).
     */
    private static int compareWithExact(double d, Number exact) {
        if (Double.isNaN(d)) {
            return 1; // as Double.compare: NaN after everything
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? 1 : -1;
        }
        if (isIntegral(exact) && !(exact instanceof BigInteger)) {
            long l = exact.longValue();
            if (l >= -EXACT_DOUBLE_LONG && l <= EXACT_DOUBLE_LONG) {
                return Double.compare(d == 0.0 ? 0.0 : d, (double) l); // (double) l is exact here
            }
        }
        return new BigDecimal(d).compareTo(toBigDecimal(exact));
    }

    /**
     * A hashable key such that {@code equal(a, b)} implies {@code indexKey(a).equals(indexKey(b))} for
     * scalar values; {@code null} when the value is not a scalar (lists, maps, null), which the index does not hash.
     */
    public static Object indexKey(Object v) {
        if (v instanceof String || v instanceof Boolean || v instanceof Long) {
            return v; // a Long is its own key (no re-boxing of longValue())
        }
        if (v instanceof Number n) {
            if (isIntegral(n)) {
                if (n instanceof BigInteger bi) {
                    return bi.bitLength() < 64 ? (Object) bi.longValue() : bi;
                }
                return n.longValue();
            }
            if (n instanceof BigDecimal bd) {
                BigDecimal s = bd.stripTrailingZeros();
                if (s.scale() <= 0) {
                    BigInteger bi = s.toBigInteger();
                    return bi.bitLength() < 64 ? (Object) bi.longValue() : bi;
                }
                // a fraction that a double holds exactly keys as that double, as equal() says they are equal
                double d = s.doubleValue();
                return Double.isFinite(d) && new BigDecimal(d).compareTo(s) == 0 ? (Object) d : s;
            }
            double d = n.doubleValue();
            if (isExactLong(d)) {
                return (long) d;
            }
            if (Double.isFinite(d) && d == Math.rint(d)) {
                return new BigDecimal(d).toBigInteger(); // integral beyond the long range, keyed like a BigInteger
            }
            return d;
        }
        if (v instanceof Character c) {
            return c.toString();
        }
        return null;
    }

    /** Code point order (String.compareTo orders UTF-16 units, which differs for supplementary characters). */
    public static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Whether {@code container} (a string or a collection) contains {@code item}. */
    public static boolean contains(Object container, Object item) {
        if (container instanceof String s) {
            return item instanceof String sub && s.contains(sub);
        }
        if (container instanceof Collection<?> c) {
            for (Object o : c) {
                if (equal(o, item)) {
                    return true;
                }
            }
        }
        return false;
    }

    public static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger;
    }

    private static boolean isExactLong(double d) {
        return d == Math.rint(d) && d >= -LONG_RANGE && d < LONG_RANGE;
    }

    private static BigInteger toBigInteger(Number n) {
        return n instanceof BigInteger bi ? bi : BigInteger.valueOf(n.longValue());
    }

    private static BigDecimal toBigDecimal(Number n) {
        if (n instanceof BigDecimal bd) {
            return bd;
        }
        if (n instanceof BigInteger bi) {
            return new BigDecimal(bi);
        }
        if (isIntegral(n)) {
            return BigDecimal.valueOf(n.longValue());
        }
        return new BigDecimal(n.doubleValue());
    }
}
