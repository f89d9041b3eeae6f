package dev.flowline.condition;

import dev.flowline.testing.RandomCases;
import dev.flowline.value.FieldPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A compiled {@link FieldCheck} decides exactly what the general rules ({@link FieldTests}) decide, for every
 * operator, over operands and values chosen to hit its fast paths and their edges: equal numbers in different Java
 * forms ({@code 5}, {@code 5L}, {@code 5.0}, a BigDecimal, a small BigInteger), look-alike strings and characters,
 * missing and null values, lists and maps.
 */
class FieldCheckProperties {

    private static final List<Object> SCALARS = List.of(
            5L, 5, (short) 5, 5.0, 5.5, new BigDecimal("5.00"), BigInteger.valueOf(5), new BigInteger("10000000000000000000"),
            -3L, 0L, -0.0, 1000L, Long.MAX_VALUE, Long.MIN_VALUE, 1e19,
            "5", "paid", "pa", "", "customer-1", "customer-12", 'p', '5', true, false);
    private static final int CASES = 20_000;

    @Test
    void compiled_check_agrees_with_the_general_rules() {
        RandomCases.run(CASES, r -> {
            Operator op = r.oneOf(List.of(Operator.values()));
            if (op == Operator.CHANGED || op == Operator.CHANGED_FROM || op == Operator.CHANGED_TO) {
                op = Operator.EQ;
            }
            Object operand = operand(r, op);
            FieldCondition c = new FieldCondition("c", FieldPath.of("f"), op, operand,
                    op == Operator.MATCHES ? Pattern.compile("pa.*") : null);
            FieldCheck check = FieldCheck.of(c);
            long[] range = check.longRange();
            for (int i = 0; i < 8; i++) {
                Object v = value(r);
                assertThat(check.test(v)).as("%s on %s (%s)", c.describe(), v, v == null ? null : v.getClass())
                        .isEqualTo(FieldTests.testValue(c, v));
                if (range != null && v instanceof Long l) {
                    assertThat(range[0] <= l && l <= range[1]).as("range of %s on %s", c.describe(), v)
                            .isEqualTo(FieldTests.testValue(c, v));
                }
            }
        });
    }

    private static Object operand(RandomCases r, Operator op) {
        return switch (op) {
            case IN, NOT_IN -> r.listOf(0, 4, () -> r.frequency(12, 1) == 0 ? r.oneOf(SCALARS) : List.of(1L));
            case BETWEEN -> List.of(r.oneOf(SCALARS), r.oneOf(SCALARS));
            case EXISTS, IS_NULL -> null;
            case MATCHES -> "pa.*";
            default -> r.frequency(10, 1) == 0 ? r.oneOf(SCALARS) : List.of(r.oneOf(SCALARS));
        };
    }

    private static Object value(RandomCases r) {
        return switch (r.frequency(1, 1, 10, 1, 1)) {
            case 0 -> FieldPath.ABSENT;
            case 1 -> null;
            case 2 -> r.oneOf(SCALARS);
            case 3 -> new ArrayList<>(List.of(r.oneOf(SCALARS)));
            default -> Map.of("k", r.oneOf(SCALARS));
        };
    }
}
