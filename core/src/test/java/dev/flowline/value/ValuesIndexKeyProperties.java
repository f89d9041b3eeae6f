package dev.flowline.value;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Values#equal} and {@link Values#indexKey} must agree, or the trigger index would find a different set of
 * workflows than evaluating the conditions one by one.
 */
class ValuesIndexKeyProperties {

    @Property(tries = 2_000)
    void equal_numbers_have_equal_index_keys_and_equal_keys_mean_equal_numbers(
            @ForAll("numbers") Number a, @ForAll("numbers") Number b) {
        assertThat(Values.indexKey(a).equals(Values.indexKey(b)))
                .as("equal(%s %s, %s %s)", a.getClass().getSimpleName(), a, b.getClass().getSimpleName(), b)
                .isEqualTo(Values.equal(a, b));
    }

    @Property(tries = 2_000)
    void the_same_value_in_every_form_is_equal_with_one_index_key(@ForAll("seeds") Number seed) {
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
    }

    @Property(tries = 1_000)
    void compare_is_antisymmetric_and_zero_exactly_when_equal(@ForAll("numbers") Number a, @ForAll("numbers") Number b) {
        int ab = Values.compare(a, b);
        int ba = Values.compare(b, a);
        assertThat(Integer.signum(ab)).isEqualTo(-Integer.signum(ba));
        assertThat(ab == 0).isEqualTo(Values.equal(a, b));
    }

    @Property(tries = 1_000)
    void strings_and_booleans_key_themselves(@ForAll String s, @ForAll boolean bool) {
        assertThat(Values.indexKey(s)).isEqualTo(s);
        assertThat(Values.indexKey(bool)).isEqualTo(bool);
        assertThat(Values.indexKey(s).equals(Values.indexKey(bool))).isEqualTo(Values.equal(s, bool));
    }

    /** Numbers drawn so that pairs are often numerically equal in different forms. */
    @Provide
    Arbitrary<Number> numbers() {
        return seeds().flatMap(seed -> Arbitraries.of(forms(seed)));
    }

    @Provide
    Arbitrary<Number> seeds() {
        Arbitrary<Number> smallLongs = Arbitraries.longs().between(-5, 5).map(l -> l);
        Arbitrary<Number> longs = Arbitraries.longs().map(l -> l);
        Arbitrary<Number> halves = Arbitraries.integers().between(-20, 20).map(i -> i / 2.0);
        Arbitrary<Number> doubles = Arbitraries.doubles().map(d -> d);
        Arbitrary<Number> edges = Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, 0x1p63, -0x1p63, 0x1p53, 0x1p53 + 2,
                (1L << 53) + 1, 1e20, 0.1, -0.0, 0.0);
        Arbitrary<Number> bigDecimals = Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(-3, 3))
                .as((unscaled, scale) -> new BigDecimal(BigInteger.valueOf(unscaled), scale));
        return Arbitraries.oneOf(smallLongs, longs, halves, doubles, edges, bigDecimals);
    }

    /** The seed and, where they hold the same value, its other Java forms. */
    private static java.util.List<Number> forms(Number seed) {
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
