package dev.flowline.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateValueTest {

    private final TemplateEngine engine = new TemplateEngine();
    private final Map<String, Object> context = Map.of(
            "entity", Map.of("id", "c-1", "vip", true),
            "data", List.of("a", "b", "c"),
            "x", 3L);

    private static Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer", "{{ entity.id }}");
        body.put("result_count", "{{data.length}}");
        body.put("label", "n={{x}}");
        body.put("fixed", Map.of("kind", "order"));
        body.put("list", Arrays.asList("{{ entity.vip }}", 2L, null, "plain"));
        body.put("nothing", null);
        return body;
    }

    @Test
    void template_strings_are_replaced_by_their_typed_values() {
        Object rendered = engine.compileValue(body(), "actions[2].body").render(context);

        assertThat(rendered).isInstanceOf(LinkedHashMap.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) rendered;
        assertThat(map).containsExactly(
                Map.entry("customer", "c-1"),
                Map.entry("result_count", 3L),
                Map.entry("label", "n=3"),
                Map.entry("fixed", Map.of("kind", "order")),
                Map.entry("list", Arrays.asList(true, 2L, null, "plain")),
                new AbstractMap.SimpleEntry<>("nothing", null));
        assertThat(map.get("list")).isInstanceOf(ArrayList.class);
    }

    @Test
    void each_render_builds_a_new_tree() {
        TemplateValue value = engine.compileValue(body(), "body");

        assertThat(value.render(context)).isNotSameAs(value.render(context));
    }

    @Test
    void a_tree_without_templates_is_constant_and_kept_as_it_is() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("a", 1);
        raw.put("b", List.of("x", "{ not a template }"));

        TemplateValue value = engine.compileValue(raw, "body");

        assertThat(value.isConstant()).isTrue();
        assertThat(value.rootVariables()).isEmpty();
        assertThat(value.render(Map.of())).isEqualTo(raw);
        assertThat(value).isInstanceOf(TemplateValue.Literal.class);
    }

    @Test
    void a_constant_part_is_shared_and_unmodifiable() {
        TemplateValue value = engine.compileValue(Map.of("fixed", Map.of("k", "v")), "body");

        @SuppressWarnings("unchecked")
        Map<String, Object> rendered = (Map<String, Object>) value.render(Map.of());
        assertThatThrownBy(() -> rendered.put("k2", "v2")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_tree_with_a_template_is_not_constant_and_lists_its_root_variables() {
        TemplateValue value = engine.compileValue(body(), "body");

        assertThat(value.isConstant()).isFalse();
        assertThat(value.rootVariables()).containsExactlyInAnyOrder("entity", "data", "x");
    }

    @Test
    void a_single_template_string_is_a_value_too() {
        TemplateValue value = engine.compileValue("{{ data.length }}", "actions[0].count");

        assertThat(value).isInstanceOf(TemplateValue.Templated.class);
        assertThat(value.render(context)).isEqualTo(3L);
    }

    @Test
    void scalars_are_literals() {
        assertThat(engine.compileValue(5L, "a").render(Map.of())).isEqualTo(5L);
        assertThat(engine.compileValue(true, "a").render(Map.of())).isEqualTo(true);
        assertThat(engine.compileValue(null, "a").render(Map.of())).isNull();
        assertThat(engine.compileValue("plain", "a").render(Map.of())).isEqualTo("plain");
    }

    @Test
    void compile_error_names_the_full_path_of_the_string() {
        Map<String, Object> body = body();
        body.put("result_count", "{{ data.length ");

        TemplateException error = catchThrowableOfType(TemplateException.class,
                () -> engine.compileValue(body, "actions[2].body"));

        assertThat(error.path()).isEqualTo("actions[2].body.result_count");
        assertThat(error.line()).isEqualTo(1);
        assertThat(error).hasMessageStartingWith("actions[2].body.result_count: template does not compile: ");
    }

    @Test
    void compile_error_in_a_list_item_names_its_index() {
        TemplateException error = catchThrowableOfType(TemplateException.class,
                () -> engine.compileValue(List.of("ok", Map.of("to", "{{ x | nope }}")), ""));

        assertThat(error.path()).isEqualTo("[1].to");
    }

    @Test
    void keys_that_are_not_plain_names_are_quoted_in_the_path() {
        TemplateException error = catchThrowableOfType(TemplateException.class,
                () -> engine.compileValue(Map.of("headers", Map.of("X-Trace", "{{ broken")), "http"));

        assertThat(error.path()).isEqualTo("http.headers[\"X-Trace\"]");
    }

    @Test
    void a_value_that_is_not_json_is_refused_with_its_path() {
        TemplateException error = catchThrowableOfType(TemplateException.class,
                () -> engine.compileValue(Map.of("when", new java.util.Date()), "body"));

        assertThat(error.path()).isEqualTo("body.when");
        assertThat(error).hasMessageContaining("is not a JSON value");
    }

    @Test
    void render_error_names_the_path_of_the_failing_string() {
        TemplateValue value = engine.compileValue(Map.of("to", "{{ customer.email }}"), "actions[0]");

        assertThatThrownBy(() -> value.render(context))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageStartingWith("actions[0].to: template cannot be rendered: variable \"customer\" is not defined");
    }
}
