package dev.flowline.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictRenderingTest {

    private final TemplateEngine engine = new TemplateEngine();
    private final Map<String, Object> context = context();

    private static Map<String, Object> context() {
        Map<String, Object> entity = new HashMap<>();
        entity.put("name", "Ada");
        entity.put("manager", null);
        return Map.of("entity", entity);
    }

    @Test
    void undefined_root_variable_is_an_error_naming_it_and_the_template() {
        assertThatThrownBy(() -> engine.compile("Hello {{ customer.name }}").render(context))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessage("template cannot be rendered: variable \"customer\" is not defined (line 1):"
                        + " \"Hello {{ customer.name }}\"");
    }

    @Test
    void undefined_variable_is_an_error_in_a_typed_template_too() {
        assertThatThrownBy(() -> engine.compile("{{ missing }}").render(context))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("variable \"missing\" is not defined");
    }

    @Test
    void missing_map_key_is_an_error_naming_the_key() {
        assertThatThrownBy(() -> engine.compile("Hi {{ entity.nickname }}").render(context))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("key \"nickname\" does not exist")
                .hasMessageContaining("\"Hi {{ entity.nickname }}\"");
    }

    @Test
    void reading_inside_a_null_value_is_an_error() {
        assertThatThrownBy(() -> engine.compile("{{ entity.manager.name }}").render(context))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("cannot read \"name\" of null");
    }

    @Test
    void null_context_means_no_variables() {
        assertThat(engine.compile("plain text").render(null)).isEqualTo("plain text");
        assertThatThrownBy(() -> engine.compile("{{ x }}").render(null))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("variable \"x\" is not defined");
    }

    @Test
    void default_filter_replaces_a_missing_key() {
        assertThat(engine.compile("Hi {{ entity.nickname | default('friend') }}").render(context))
                .isEqualTo("Hi friend");
    }

    @Test
    void default_filter_replaces_an_undefined_variable_and_a_null_value() {
        assertThat(engine.compile("{{ missing | default('none') }}").render(context)).isEqualTo("none");
        assertThat(engine.compile("{{ entity.manager | default('nobody') }}").render(context)).isEqualTo("nobody");
    }

    @Test
    void default_filter_keeps_a_present_value() {
        assertThat(engine.compile("{{ entity.name | default('friend') }}").render(context)).isEqualTo("Ada");
    }

    @Test
    void is_defined_works_in_strict_mode_for_keys_and_variables() {
        assertThat(engine.compileExpression("entity.name is defined").evaluate(context)).isEqualTo(true);
        assertThat(engine.compileExpression("entity.nickname is defined").evaluate(context)).isEqualTo(false);
        assertThat(engine.compileExpression("missing is defined").evaluate(context)).isEqualTo(false);
        assertThat(engine.compileExpression("entity.nickname is not defined").evaluate(context)).isEqualTo(true);
    }

    @Test
    void is_defined_counts_a_key_holding_null_as_undefined() {
        assertThat(engine.compileExpression("entity.manager is defined").evaluate(context)).isEqualTo(false);
    }

    @Test
    void is_null_works_on_a_present_key_but_fails_on_a_missing_one() {
        assertThat(engine.compileExpression("entity.manager is null").evaluate(context)).isEqualTo(true);
        assertThat(engine.compileExpression("entity.name is null").evaluate(context)).isEqualTo(false);
        assertThatThrownBy(() -> engine.compileExpression("entity.nickname is null").evaluate(context))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("key \"nickname\" does not exist");
    }

    @Test
    void if_with_defined_guards_a_missing_key() {
        CompiledTemplate template = engine.compile(
                "{% if entity.nickname is defined %}{{ entity.nickname }}{% else %}{{ entity.name }}{% endif %}");

        assertThat(template.render(context)).isEqualTo("Ada");
    }

    @Test
    void division_by_zero_is_a_render_error_that_says_why() {
        assertThatThrownBy(() -> engine.compileExpression("1 / 0").evaluate(context))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("by zero");
    }

    @Test
    void index_out_of_range_is_an_error_unless_defaulted() {
        Map<String, Object> items = Map.of("items", java.util.List.of("a"));

        assertThatThrownBy(() -> engine.compile("{{ items[3] }}").render(items))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("index 3 is out of range for a list of 1 items");
        assertThat(engine.compile("{{ items[3] | default('none') }}").render(items)).isEqualTo("none");
    }

    @Test
    void a_type_error_inside_pebble_becomes_a_render_exception() {
        assertThatThrownBy(() -> engine.compileExpression("entity.name - 1").evaluate(context))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageStartingWith("expression cannot be rendered: Could not perform subtraction")
                .hasMessageEndingWith(": \"entity.name - 1\"");
    }
}
