package dev.flowline.condition;

import dev.flowline.event.EntityEvent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.flowline.condition.Fixtures.field;
import static dev.flowline.condition.Fixtures.list;
import static dev.flowline.condition.Fixtures.map;
import static dev.flowline.condition.Fixtures.matches;
import static dev.flowline.condition.Fixtures.update;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field operator through {@link ConditionEvaluator}: a case that holds, one that fails, the absent field and
 * the null field (DESIGN.md: absent/null is false except exists=false, is_null=true, ne and not_in=true).
 */
class FieldOperatorsTest {

    private static final ConditionEvaluator EVALUATOR = new ConditionEvaluator(null);

    private static Map<String, Object> order() {
        return map("status", "paid", "total", 150L, "price", 99.5, "name", "Ada Lovelace",
                "tags", list("vip", "eu", 7L), "note", null, "flag", false,
                "customer", map("vip", true, "id", "c1", "tier", null),
                "lines", list(map("sku", "S1", "qty", 2L), map("sku", "S2")));
    }

    private static final EntityEvent EVENT = update(withStatus("new"), order());

    private static Map<String, Object> withStatus(String status) {
        Map<String, Object> m = order();
        m.put("status", status);
        return m;
    }

    private static boolean holds(FieldCondition c) {
        return EVALUATOR.test(c, EVENT, Map::of);
    }

    private static boolean holds(FieldCondition c, EntityEvent event) {
        return EVALUATOR.test(c, event, Map::of);
    }

    @Nested
    class Eq {
        @Test void equal_string_holds() { assertThat(holds(field("status", Operator.EQ, "paid"))).isTrue(); }
        @Test void different_string_fails() { assertThat(holds(field("status", Operator.EQ, "shipped"))).isFalse(); }
        @Test void absent_field_is_not_equal() { assertThat(holds(field("missing", Operator.EQ, "paid"))).isFalse(); }
        @Test void null_field_is_not_equal() { assertThat(holds(field("note", Operator.EQ, "paid"))).isFalse(); }
        @Test void boolean_false_equals_false() { assertThat(holds(field("flag", Operator.EQ, false))).isTrue(); }
    }

    @Nested
    class Ne {
        @Test void different_value_holds() { assertThat(holds(field("status", Operator.NE, "shipped"))).isTrue(); }
        @Test void equal_value_fails() { assertThat(holds(field("status", Operator.NE, "paid"))).isFalse(); }
        @Test void absent_field_is_not_equal_so_ne_holds() {
            assertThat(holds(field("missing", Operator.NE, "paid"))).isTrue();
        }
        @Test void null_field_is_not_equal_so_ne_holds() {
            assertThat(holds(field("note", Operator.NE, "paid"))).isTrue();
        }
    }

    @Nested
    class Gt {
        @Test void larger_number_holds() { assertThat(holds(field("total", Operator.GT, 100L))).isTrue(); }
        @Test void equal_number_fails() { assertThat(holds(field("total", Operator.GT, 150L))).isFalse(); }
        @Test void absent_field_fails() { assertThat(holds(field("missing", Operator.GT, 0L))).isFalse(); }
        @Test void null_field_fails() { assertThat(holds(field("note", Operator.GT, 0L))).isFalse(); }
    }

    @Nested
    class Gte {
        @Test void equal_number_holds() { assertThat(holds(field("total", Operator.GTE, 150L))).isTrue(); }
        @Test void smaller_number_fails() { assertThat(holds(field("total", Operator.GTE, 151L))).isFalse(); }
        @Test void absent_field_fails() { assertThat(holds(field("missing", Operator.GTE, 0L))).isFalse(); }
        @Test void null_field_fails() { assertThat(holds(field("note", Operator.GTE, 0L))).isFalse(); }
    }

    @Nested
    class Lt {
        @Test void smaller_number_holds() { assertThat(holds(field("price", Operator.LT, 100L))).isTrue(); }
        @Test void equal_number_fails() { assertThat(holds(field("price", Operator.LT, 99.5))).isFalse(); }
        @Test void absent_field_fails() { assertThat(holds(field("missing", Operator.LT, 1_000L))).isFalse(); }
        @Test void null_field_fails() { assertThat(holds(field("note", Operator.LT, 1_000L))).isFalse(); }
    }

    @Nested
    class Lte {
        @Test void equal_number_holds() { assertThat(holds(field("price", Operator.LTE, 99.5))).isTrue(); }
        @Test void larger_field_fails() { assertThat(holds(field("price", Operator.LTE, 99.4))).isFalse(); }
        @Test void absent_field_fails() { assertThat(holds(field("missing", Operator.LTE, 1_000L))).isFalse(); }
        @Test void null_field_fails() { assertThat(holds(field("note", Operator.LTE, 1_000L))).isFalse(); }
    }

    @Nested
    class In {
        @Test void member_holds() { assertThat(holds(field("status", Operator.IN, list("paid", "shipped")))).isTrue(); }
        @Test void non_member_fails() { assertThat(holds(field("status", Operator.IN, list("new", "shipped")))).isFalse(); }
        @Test void absent_field_fails() { assertThat(holds(field("missing", Operator.IN, list("paid")))).isFalse(); }
        @Test void null_field_fails_even_when_the_list_holds_null() {
            assertThat(holds(field("note", Operator.IN, list("paid", null)))).isFalse();
        }
        @Test void numbers_are_members_whatever_their_form() {
            assertThat(holds(field("total", Operator.IN, list(100L, 150.0)))).isTrue();
        }
    }

    @Nested
    class NotIn {
        @Test void non_member_holds() { assertThat(holds(field("status", Operator.NOT_IN, list("new", "void")))).isTrue(); }
        @Test void member_fails() { assertThat(holds(field("status", Operator.NOT_IN, list("new", "paid")))).isFalse(); }
        @Test void absent_field_is_not_in_any_list() {
            assertThat(holds(field("missing", Operator.NOT_IN, list("paid")))).isTrue();
        }
        @Test void null_field_is_not_in_any_list() {
            assertThat(holds(field("note", Operator.NOT_IN, list("paid")))).isTrue();
        }
        @Test void number_in_another_form_is_a_member() {
            assertThat(holds(field("total", Operator.NOT_IN, list(150.0)))).isFalse();
        }
    }

    @Nested
    class Contains {
        @Test void substring_holds() { assertThat(holds(field("name", Operator.CONTAINS, "Love"))).isTrue(); }
        @Test void substring_is_case_sensitive() { assertThat(holds(field("name", Operator.CONTAINS, "love"))).isFalse(); }
        @Test void list_member_holds() { assertThat(holds(field("tags", Operator.CONTAINS, "eu"))).isTrue(); }
        @Test void list_non_member_fails() { assertThat(holds(field("tags", Operator.CONTAINS, "us"))).isFalse(); }
        @Test void list_membership_compares_numbers_numerically() {
            assertThat(holds(field("tags", Operator.CONTAINS, 7.0))).isTrue();
        }
        @Test void list_membership_does_not_coerce_strings_to_numbers() {
            assertThat(holds(field("tags", Operator.CONTAINS, "7"))).isFalse();
        }
        @Test void a_number_field_contains_nothing() { assertThat(holds(field("total", Operator.CONTAINS, "15"))).isFalse(); }
        @Test void absent_field_fails() { assertThat(holds(field("missing", Operator.CONTAINS, "a"))).isFalse(); }
        @Test void null_field_fails() { assertThat(holds(field("note", Operator.CONTAINS, "a"))).isFalse(); }
    }

    @Nested
    class StartsWith {
        @Test void prefix_holds() { assertThat(holds(field("name", Operator.STARTS_WITH, "Ada"))).isTrue(); }
        @Test void non_prefix_fails() { assertThat(holds(field("name", Operator.STARTS_WITH, "Lovelace"))).isFalse(); }
        @Test void number_field_fails() { assertThat(holds(field("total", Operator.STARTS_WITH, "1"))).isFalse(); }
        @Test void absent_field_fails() { assertThat(holds(field("missing", Operator.STARTS_WITH, "A"))).isFalse(); }
        @Test void null_field_fails() { assertThat(holds(field("note", Operator.STARTS_WITH, "A"))).isFalse(); }
    }

    @Nested
    class EndsWith {
        @Test void suffix_holds() { assertThat(holds(field("name", Operator.ENDS_WITH, "lace"))).isTrue(); }
        @Test void non_suffix_fails() { assertThat(holds(field("name", Operator.ENDS_WITH, "Ada"))).isFalse(); }
        @Test void absent_field_fails() { assertThat(holds(field("missing", Operator.ENDS_WITH, "e"))).isFalse(); }
        @Test void null_field_fails() { assertThat(holds(field("note", Operator.ENDS_WITH, "e"))).isFalse(); }
    }

    @Nested
    class Matches {
        @Test void whole_string_match_holds() { assertThat(holds(matches("name", "Ada \\w+"))).isTrue(); }
        @Test void partial_match_fails_because_matches_is_full_string() {
            assertThat(holds(matches("name", "Ada"))).isFalse();
        }
        @Test void number_field_fails() { assertThat(holds(matches("total", "\\d+"))).isFalse(); }
        @Test void absent_field_fails() { assertThat(holds(matches("missing", ".*"))).isFalse(); }
        @Test void null_field_fails() { assertThat(holds(matches("note", ".*"))).isFalse(); }
    }

    @Nested
    class Exists {
        @Test void present_field_exists() { assertThat(holds(field("status", Operator.EXISTS, null))).isTrue(); }
        @Test void present_false_value_exists() { assertThat(holds(field("flag", Operator.EXISTS, null))).isTrue(); }
        @Test void absent_field_does_not_exist() { assertThat(holds(field("missing", Operator.EXISTS, null))).isFalse(); }
        @Test void null_field_does_not_exist() { assertThat(holds(field("note", Operator.EXISTS, null))).isFalse(); }
    }

    @Nested
    class IsNull {
        @Test void null_field_is_null() { assertThat(holds(field("note", Operator.IS_NULL, null))).isTrue(); }
        @Test void present_field_is_not_null() { assertThat(holds(field("status", Operator.IS_NULL, null))).isFalse(); }
        @Test void absent_field_is_null() { assertThat(holds(field("missing", Operator.IS_NULL, null))).isTrue(); }
        @Test void nested_null_field_is_null() { assertThat(holds(field("customer.tier", Operator.IS_NULL, null))).isTrue(); }
    }

    @Nested
    class Between {
        @Test void value_inside_holds() { assertThat(holds(field("total", Operator.BETWEEN, list(100L, 200L)))).isTrue(); }
        @Test void low_end_is_inclusive() { assertThat(holds(field("total", Operator.BETWEEN, list(150L, 200L)))).isTrue(); }
        @Test void high_end_is_inclusive() { assertThat(holds(field("total", Operator.BETWEEN, list(100L, 150.0)))).isTrue(); }
        @Test void value_outside_fails() { assertThat(holds(field("total", Operator.BETWEEN, list(151L, 200L)))).isFalse(); }
        @Test void strings_are_ranged_by_code_point() {
            assertThat(holds(field("status", Operator.BETWEEN, list("new", "shipped")))).isTrue();
        }
        @Test void number_against_string_range_fails() {
            assertThat(holds(field("total", Operator.BETWEEN, list("100", "200")))).isFalse();
        }
        @Test void absent_field_fails() { assertThat(holds(field("missing", Operator.BETWEEN, list(0L, 1L)))).isFalse(); }
        @Test void null_field_fails() { assertThat(holds(field("note", Operator.BETWEEN, list(0L, 1L)))).isFalse(); }
    }

    @Nested
    class Changed {
        private final EntityEvent event = update(
                map("status", "new", "total", 150L, "note", "x", "gone", 1L, "was_null", null, "still_null", null),
                map("status", "paid", "total", 150.0, "note", null, "was_null", "set", "still_null", null));

        @Test void changed_field_holds() { assertThat(holds(field("status", Operator.CHANGED, null), event)).isTrue(); }
        @Test void unchanged_field_fails_even_in_another_number_form() {
            assertThat(holds(field("total", Operator.CHANGED, null), event)).isFalse();
        }
        @Test void absent_field_has_not_changed() {
            assertThat(holds(field("missing", Operator.CHANGED, null), event)).isFalse();
        }
        @Test void field_null_on_both_sides_has_not_changed() {
            assertThat(holds(field("still_null", Operator.CHANGED, null), event)).isFalse();
        }
        @Test void field_that_became_null_has_changed() {
            assertThat(holds(field("note", Operator.CHANGED, null), event)).isTrue();
        }
        @Test void field_removed_by_the_update_has_changed() {
            assertThat(holds(field("gone", Operator.CHANGED, null), event)).isTrue();
        }
    }

    @Nested
    class ChangedTo {
        private final EntityEvent event = update(
                map("status", "new", "total", 150L, "note", "x"),
                map("status", "paid", "total", 150L, "note", null));

        @Test void new_value_equal_holds() { assertThat(holds(field("status", Operator.CHANGED_TO, "paid"), event)).isTrue(); }
        @Test void new_value_different_fails() {
            assertThat(holds(field("status", Operator.CHANGED_TO, "shipped"), event)).isFalse();
        }
        @Test void the_old_value_is_not_the_new_value() {
            assertThat(holds(field("status", Operator.CHANGED_TO, "new"), event)).isFalse();
        }
        @Test void unchanged_field_with_that_value_fails() {
            assertThat(holds(field("total", Operator.CHANGED_TO, 150L), event)).isFalse();
        }
        @Test void absent_field_fails() { assertThat(holds(field("missing", Operator.CHANGED_TO, "x"), event)).isFalse(); }
        @Test void field_that_became_null_did_not_change_to_a_value() {
            assertThat(holds(field("note", Operator.CHANGED_TO, "x"), event)).isFalse();
        }
        @Test void new_value_compares_numerically() {
            EntityEvent e = update(map("total", 1L), map("total", 100L));
            assertThat(holds(field("total", Operator.CHANGED_TO, 100.0), e)).isTrue();
        }
    }

    @Nested
    class ChangedFrom {
        private final EntityEvent event = update(
                map("status", "new", "total", 150L, "note", null),
                map("status", "paid", "total", 150L, "note", "x"));

        @Test void old_value_equal_holds() { assertThat(holds(field("status", Operator.CHANGED_FROM, "new"), event)).isTrue(); }
        @Test void old_value_different_fails() {
            assertThat(holds(field("status", Operator.CHANGED_FROM, "void"), event)).isFalse();
        }
        @Test void the_new_value_is_not_the_old_value() {
            assertThat(holds(field("status", Operator.CHANGED_FROM, "paid"), event)).isFalse();
        }
        @Test void unchanged_field_with_that_value_fails() {
            assertThat(holds(field("total", Operator.CHANGED_FROM, 150L), event)).isFalse();
        }
        @Test void absent_field_fails() { assertThat(holds(field("missing", Operator.CHANGED_FROM, "x"), event)).isFalse(); }
        @Test void field_that_was_null_did_not_change_from_a_value() {
            assertThat(holds(field("note", Operator.CHANGED_FROM, "x"), event)).isFalse();
        }
        @Test void field_created_on_create_did_not_change_from_anything() {
            EntityEvent e = Fixtures.create(map("status", "new"));
            assertThat(holds(field("status", Operator.CHANGED_FROM, "new"), e)).isFalse();
        }
    }
}
