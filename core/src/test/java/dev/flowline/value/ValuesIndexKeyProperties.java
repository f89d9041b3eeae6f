package dev.flowline.value;

import dev.flowline.testing.RandomCases;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Values#equal} and {@link Values#indexKey} must agree, or the trigger index would find a different set of
 * workflows than evaluating the conditions one by one. Random cases are reproducible with {@code -Dflowline.seed}.
 */
class ValuesIndexKeyProperties {

    private static final List<Number> EDGES = List.of(Long.MAX_VALUE, Long.MIN_VALUE, 0x1p63, -0x1p63, 0x1p53,
            0x1p53 + 2, (1L << 53) + 1, 1e20, 0.1, -0.0, 0.0);

    @Test
    void equal_numbers_have_equal_index_keys_and_equal_keys_mean_equal_numbers() {
        RandomCases.run(2_000, r -> {
            Number a = number(r);
            Number b = number(r);
            assertThat(Values.indexKey(a).equals(Values.indexKey(b)))
                    .as("equal(%s %s, %s %s)", a.getClass().getSimpleName(), a, b.getClass().getSimpleName(), b)
                    .isEqualTo(Values.equal(a, b));
        });
    }

    @Test
    void the_same_value_in_every_form_is_equal_with_one_index_key() {
        RandomCases.run(2_000, r -> {
            Number seed = seed(r);
            for (Number x : forms(seed)) {
                for (Number y : forms(seed)) {
                    if (Values.equal(x, y)) {
                        assertThat(Values.indexKey(x)).as("%s %s vs %s %s", x.getClass().getSimpleName(), x,
                                y.getClass().getSimpleName(), y).isEqualTo(Values.indexKey(y));
                    }
                }
            }
            BigDecimal exact = seed instanceof Double d ? new BigDecimal(d) : new BigDecimal(seed.toString());
            assertThat(Values.equal(seed, exact)).isTrue();
            assertThat(Values.indexKey(seed)).isEqualTo(Values.indexKey(exact));
        });
    }

    @Test
    void compare_is_antisymmetric_and_zero_exactly_when_equal() {
        RandomCases.run(1_000, r -> {
            Number a = number(r);
            Number b = number(r);
            int ab = Values.compare(a, b);
            int ba = Values.compare(b, a);
            assertThat(Integer.signum(ab)).isEqualTo(-Integer.signum(ba));
            assertThat(ab == 0).isEqualTo(Values.equal(a, b));
        });
    }

    @Test
    void strings_and_booleans_key_themselves() {
        RandomCases.run(1_000, r -> {
            StringBuilder sb = new StringBuilder();
            for (int i = r.between(0, 6); i > 0; i--) {
                sb.appendCodePoint(r.oneOf(List.of((int) 'a', (int) '0', (int) ' ', 0x1F600, (int) 't', (int) 'e')));
            }
            String s = r.oneOf(List.of(sb.toString(), "true", "false", "100"));
            boolean bool = r.bool();
            assertThat(Values.indexKey(s)).isEqualTo(s);
            assertThat(Values.indexKey(bool)).isEqualTo(bool);
            assertThat(Values.indexKey(s).equals(Values.indexKey(bool))).isEqualTo(Values.equal(s, bool));
        });
    }

    /** Numbers drawn so that pairs are often numerically equal in different forms. */
    private static Number number(RandomCases r) {
        return r.oneOf(forms(seed(r)));
    }

    private static Number seed(RandomCases r) {
        return switch (r.frequency(1, 1, 1, 1, 1, 1)) {
            case 0 -> (long) r.between(-5, 5);
            case 1 -> r.random().nextLong();
            case 2 -> r.between(-20, 20) / 2.0;
            case 3 -> randomDouble(r);
            case 4 -> r.oneOf(EDGES);
            default -> new BigDecimal(BigInteger.valueOf(r.random().nextLong()), r.between(-3, 3));
        };
    }

    private static double randomDouble(RandomCases r) {
        return switch (r.frequency(2, 1, 1)) {
            case 0 -> (r.random().nextDouble() - 0.5) * Math.pow(10, r.between(-5, 20));
            case 1 -> Double.longBitsToDouble(r.random().nextLong() & 0x7FEFFFFFFFFFFFFFL);
            default -> (double) r.random().nextLong();
        };
    }

    /** The seed and, where they hold the same value, its other Java forms. */
    private static List<Number> forms(Number seed) {
        java.util.List<Number> out = new java.util.ArrayList<>();
        out.add(seed);
        BigDecimal exact = seed instanceof Double d ? new BigDecimal(d) : new BigDecimal(seed.toString());
        out.add(exact);
        out.add(exact.setScale(Math.max(0, exact.scale()) + 2));
        out.add(exact.doubleValue()); // may round: then a different, nearby number
        if (exact.stripTrailingZeros().scale() <= 0) {
            BigInteger bi = exact.toBigInteger();
            out.add(bi);
            if (bi.bitLength() < 64) {
                out.add(bi.longValue());
                if (bi.bitLength() < 32) {
                    out.add(bi.intValue());
                }
            }
        }
        return out;
    }
}
