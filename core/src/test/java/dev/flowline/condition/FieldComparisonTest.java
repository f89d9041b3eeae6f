package dev.flowline.condition;

import dev.flowline.event.EntityEvent;
import dev.flowline.event.Operation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

import static dev.flowline.condition.Fixtures.create;
import static dev.flowline.condition.Fixtures.delete;
import static dev.flowline.condition.Fixtures.field;
import static dev.flowline.condition.Fixtures.list;
import static dev.flowline.condition.Fixtures.map;
import static org.assertj.core.api.Assertions.assertThat;

/** Number and string comparison rules, dotted paths, and which state a condition reads. */
class FieldComparisonTest {

    private static final ConditionEvaluator EVALUATOR = new ConditionEvaluator(null);

    private static boolean holds(FieldCondition c, Object fieldValue) {
        return EVALUATOR.test(c, create(map("x", fieldValue)), Map::of);
    }

    private static boolean holds(FieldCondition c, EntityEvent event) {
        return EVALUATOR.test(c, event, Map::of);
    }

    @Test
    void long_100_equals_double_100_point_0() {
        assertThat(holds(field("x", Operator.EQ, 100.0), 100L)).isTrue();
        assertThat(holds(field("x", Operator.EQ, 100L), 100.0)).isTrue();
        assertThat(holds(field("x", Operator.NE, 100.0), 100L)).isFalse();
    }

    @Test
    void integer_equals_long_of_the_same_value() {
        assertThat(holds(field("x", Operator.EQ, 42L), 42)).isTrue();
        assertThat(holds(field("x", Operator.GTE, 42), 42L)).isTrue();
    }

    @Test
    void big_decimal_equals_long_and_double_of_the_same_value() {
        assertThat(holds(field("x", Operator.EQ, 100L), new BigDecimal("100.00"))).isTrue();
        assertThat(holds(field("x", Operator.EQ, new BigDecimal("99.50")), 99.5)).isTrue();
        assertThat(holds(field("x", Operator.LT, new BigDecimal("99.51")), 99.5)).isTrue();
    }

    @Test
    void big_integer_beyond_long_compares_numerically() {
        BigInteger huge = new BigInteger("100000000000000000000");
        assertThat(holds(field("x", Operator.GT, Long.MAX_VALUE), huge)).isTrue();
        assertThat(holds(field("x", Operator.EQ, 1e20), huge)).isTrue();
    }

    @Test
    void number_too_large_for_a_double_still_compares_with_a_big_integer() {
        // JSON 1e400 parses to Double.POSITIVE_INFINITY; comparing it exactly used to throw NumberFormatException
        BigInteger huge = new BigInteger("100000000000000000000");
        assertThat(holds(field("x", Operator.GT, huge), Double.POSITIVE_INFINITY)).isTrue();
        assertThat(holds(field("x", Operator.EQ, huge), Double.POSITIVE_INFINITY)).isFalse();
        assertThat(holds(field("x", Operator.LT, new java.math.BigDecimal("0.5")), Double.NEGATIVE_INFINITY)).isTrue();
    }

    @Test
    void largest_long_is_not_equal_to_the_double_it_rounds_to() {
        assertThat(holds(field("x", Operator.EQ, (double) Long.MAX_VALUE), Long.MAX_VALUE)).isFalse();
        assertThat(holds(field("x", Operator.LT, (double) Long.MAX_VALUE), Long.MAX_VALUE)).isTrue();
    }

    @Test
    void decimal_number_orders_against_an_integer() {
        assertThat(holds(field("x", Operator.GT, 100L), 100.5)).isTrue();
        assertThat(holds(field("x", Operator.LT, 101L), 100.5)).isTrue();
    }

    @Test
    void negative_zero_equals_zero() {
        assertThat(holds(field("x", Operator.EQ, 0L), -0.0)).isTrue();
        assertThat(holds(field("x", Operator.EQ, 0.0), -0.0)).isTrue();
    }

    @Test
    void number_string_is_never_equal_to_the_number() {
        assertThat(holds(field("x", Operator.EQ, 100L), "100")).isFalse();
        assertThat(holds(field("x", Operator.EQ, "100"), 100L)).isFalse();
        assertThat(holds(field("x", Operator.NE, "100"), 100L)).isTrue();
    }

    @Test
    void number_and_string_are_never_ordered() {
        for (Operator op : new Operator[] {Operator.GT, Operator.GTE, Operator.LT, Operator.LTE}) {
            assertThat(holds(field("x", op, "100"), 100L)).as("100 %s \"100\"", op).isFalse();
            assertThat(holds(field("x", op, 100L), "100")).as("\"100\" %s 100", op).isFalse();
        }
    }

    @Test
    void booleans_are_not_numbers() {
        assertThat(holds(field("x", Operator.EQ, 1L), true)).isFalse();
        assertThat(holds(field("x", Operator.GT, 0L), true)).isFalse();
    }

    @Test
    void strings_order_by_code_point() {
        assertThat(holds(field("x", Operator.LT, "b"), "a")).isTrue();
        assertThat(holds(field("x", Operator.LT, "a"), "B")).isTrue();
        assertThat(holds(field("x", Operator.LT, "ab"), "a")).isTrue();
    }

    @Test
    void supplementary_character_orders_after_the_last_bmp_character() {
        String grinning = "\uD83D\uDE00"; // U+1F600, a surrogate pair in UTF-16
        String halfwidth = "\uFF61";        // U+FF61, after the surrogates in UTF-16 but before U+1F600 by code point
        assertThat(holds(field("x", Operator.GT, halfwidth), grinning)).isTrue();
        assertThat(holds(field("x", Operator.LT, grinning), halfwidth)).isTrue();
        assertThat(holds(field("x", Operator.BETWEEN, list(halfwidth, grinning + "z")), grinning)).isTrue();
    }

    @Test
    void dotted_path_reads_into_nested_maps() {
        EntityEvent e = create(map("customer", map("address", map("country", "DE"))));
        assertThat(holds(field("customer.address.country", Operator.EQ, "DE"), e)).isTrue();
        assertThat(holds(field("customer.address.city", Operator.EXISTS, null), e)).isFalse();
    }

    @Test
    void numeric_segment_indexes_into_lists() {
        EntityEvent e = create(map("lines", list(map("sku", "S1"), map("sku", "S2"))));
        assertThat(holds(field("lines.0.sku", Operator.EQ, "S1"), e)).isTrue();
        assertThat(holds(field("lines.1.sku", Operator.EQ, "S2"), e)).isTrue();
        assertThat(holds(field("lines.2.sku", Operator.EXISTS, null), e)).isFalse();
        assertThat(holds(field("lines.2.sku", Operator.NE, "S1"), e)).isTrue();
    }

    @Test
    void path_through_a_scalar_is_absent() {
        EntityEvent e = create(map("status", "paid", "note", null));
        assertThat(holds(field("status.code", Operator.EXISTS, null), e)).isFalse();
        assertThat(holds(field("note.text", Operator.IS_NULL, null), e)).isTrue();
    }

    @Test
    void numeric_key_of_a_map_is_read_as_a_key() {
        EntityEvent e = create(map("by_year", map("2024", 7L)));
        assertThat(holds(field("by_year.2024", Operator.EQ, 7L), e)).isTrue();
    }

    @Test
    void delete_event_conditions_read_previous() {
        EntityEvent e = delete(map("status", "paid", "total", 10L));
        assertThat(holds(field("status", Operator.EQ, "paid"), e)).isTrue();
        assertThat(holds(field("total", Operator.LT, 11L), e)).isTrue();
        assertThat(holds(field("status", Operator.EXISTS, null), e)).isTrue();
    }

    @Test
    void delete_event_ignores_data_given_with_it() {
        EntityEvent e = EntityEvent.builder().entityType("order").entityId("1").operation(Operation.DELETE)
                .previous(map("status", "paid")).data(map("status", "other")).build();
        assertThat(holds(field("status", Operator.EQ, "paid"), e)).isTrue();
        assertThat(e.data()).isEmpty();
    }
}
