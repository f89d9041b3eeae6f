package dev.flowline.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionTest {

    private final TemplateEngine engine = new TemplateEngine();

    private static Map<String, Object> order(Object total, String country) {
        return Map.of("entity", Map.of("total", total, "country", country, "tags", List.of("x", "vip"),
                "counter", 4L, "attributes", Map.of("k", "v")));
    }

    private boolean test(String expression, Map<String, Object> context) {
        return engine.compileExpression(expression).test(context);
    }

    @Test
    void total_and_country_condition_holds_for_a_big_german_order() {
        CompiledExpression condition =
                engine.compileExpression("entity.total > 100 and entity.country in ['DE','FR']");

        assertThat(condition.test(order(150.0, "DE"))).isTrue();
        assertThat(condition.test(order(new BigDecimal("150.00"), "FR"))).isTrue();
        assertThat(condition.test(order(150L, "DE"))).isTrue();
        assertThat(condition.test(order(99.5, "DE"))).isFalse();
        assertThat(condition.test(order(150.0, "US"))).isFalse();
    }

    @Test
    void numbers_compare_by_value_across_types() {
        assertThat(test("entity.total == 150", order(150.0, "DE"))).isTrue();
        assertThat(test("entity.total >= 150.0", order(new BigDecimal("150"), "DE"))).isTrue();
        assertThat(test("entity.total < 151", order(150, "DE"))).isTrue();
        assertThat(test("entity.total in [1, 150]", order(150.0, "DE"))).isTrue();
    }

    @Test
    void in_finds_an_item_in_a_list() {
        assertThat(test("'x' in entity.tags", order(1L, "DE"))).isTrue();
        assertThat(test("'y' in entity.tags", order(1L, "DE"))).isFalse();
    }

    @Test
    void in_finds_a_substring() {
        assertThat(test("'ab' in 'cabd'", Map.of())).isTrue();
        assertThat(test("'ba' in 'cabd'", Map.of())).isFalse();
    }

    @Test
    void in_finds_a_map_key() {
        assertThat(test("'k' in entity.attributes", order(1L, "DE"))).isTrue();
        assertThat(test("'v' in entity.attributes", order(1L, "DE"))).isFalse();
    }

    @Test
    void not_in_is_the_opposite_of_in() {
        assertThat(test("entity.country not in ['DE','FR']", order(1L, "US"))).isTrue();
        assertThat(test("'x' not in entity.tags", order(1L, "DE"))).isFalse();
        assertThat(test("not ('x' in entity.tags)", order(1L, "DE"))).isFalse();
    }

    @Test
    void in_binds_tighter_than_and_and_or() {
        assertThat(test("'x' in entity.tags and entity.country in ['DE'] or false", order(1L, "DE"))).isTrue();
    }

    @Test
    void names_that_start_with_in_or_not_are_still_names() {
        Map<String, Object> context = Map.of("inventory", 3L, "notes", "n", "index", List.of(1L));

        assertThat(engine.compileExpression("inventory + index.length").evaluate(context)).isEqualTo(4L);
        assertThat(engine.compileExpression("notes ~ '!'").evaluate(context)).isEqualTo("n!");
        assertThat(engine.compileExpression("not (notes is empty)").evaluate(context)).isEqualTo(true);
    }

    @Test
    void in_with_something_that_cannot_contain_is_an_error() {
        assertThatThrownBy(() -> engine.compileExpression("1 in entity.counter").evaluate(order(1L, "DE")))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("the right side of \"in\" must be a list, a map or a string");
        assertThatThrownBy(() -> engine.compileExpression("1 in 'abc'").evaluate(Map.of()))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("needs a string on its left");
    }

    @Test
    void a_for_loop_still_parses_with_in_as_an_operator() {
        CompiledTemplate template = engine.compile("{% for t in entity.tags %}{{ t in ['vip'] }} {% endfor %}");

        assertThat(template.render(order(1L, "DE"))).isEqualTo("false true ");
    }

    @Test
    void pebble_operators_work_in_expressions() {
        Map<String, Object> context = order(10L, "DE");

        assertThat(engine.compileExpression("entity.counter * 2 - 1").evaluate(context)).isEqualTo(7L);
        assertThat(engine.compileExpression("entity.tags contains 'vip'").evaluate(context)).isEqualTo(true);
        assertThat(engine.compileExpression("entity.country == 'DE' or false").evaluate(context)).isEqualTo(true);
        assertThat(engine.compileExpression("entity.country != 'DE'").evaluate(context)).isEqualTo(false);
        assertThat(engine.compileExpression("not (entity.counter > 3)").evaluate(context)).isEqualTo(false);
        assertThat(engine.compileExpression("entity.country ~ '-' ~ entity.counter").evaluate(context))
                .isEqualTo("DE-4");
        assertThat(engine.compileExpression("entity.counter > 3 ? 'big' : 'small'").evaluate(context))
                .isEqualTo("big");
        assertThat(engine.compileExpression("max(entity.counter, 9)").evaluate(context)).isEqualTo(9L);
    }

    @Test
    void test_is_true_only_for_boolean_true() {
        assertThat(test("'true'", Map.of())).isFalse();
        assertThat(test("1", Map.of())).isFalse();
        assertThat(test("null", Map.of())).isFalse();
        assertThat(test("true", Map.of())).isTrue();
    }

    @Test
    void test_still_fails_on_an_undefined_variable() {
        assertThatThrownBy(() -> engine.compileExpression("missing > 1").test(Map.of()))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("variable \"missing\" is not defined")
                .hasMessageContaining("\"missing > 1\"");
    }

    @Test
    void an_expression_keeps_its_source_and_reads_its_root_variables() {
        CompiledExpression expression = engine.compileExpression("entity.total > limit");

        assertThat(expression.source()).isEqualTo("entity.total > limit");
        assertThat(expression.rootVariables()).containsExactly("entity", "limit");
    }

    @Test
    void an_expression_written_with_braces_is_refused() {
        assertThatThrownBy(() -> engine.compileExpression("{{ entity.total }}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("without {{ }}");
    }

    @Test
    void an_expression_that_smuggles_in_text_is_refused() {
        assertThatThrownBy(() -> engine.compileExpression("a }} text {{ b"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("exactly one expression");
    }
}
