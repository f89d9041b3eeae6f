package dev.flowline.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateSandboxTest {

    private static final TemplateEngine ENGINE = new TemplateEngine();
    private static final Map<String, Object> CONTEXT = Map.of(
            "entity", Map.of("id", 7L, "name", "Ada"),
            "data", List.of(1L, 2L, 3L));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{{ entity.getClass() }}",
            "{{ entity.class }}",
            "{{ entity.getClass().forName('java.lang.Runtime') }}",
            "{{ \"x\".getClass() }}",
            "{{ entity.class.classLoader }}",
            "{{ (1).getClass() }}",
            "{{ entity.toString() }}",
            "{{ entity.hashCode() }}",
            "{{ data.size() }}",
            "{{ [1,2].getClass() }}",
            "{{ entity.entrySet() }}",
            "{{ \"x\".class }}",
            "{{ (1).class }}",
            "{{ data.class }}",
            "{{ entity.name.bytes }}",
            "{{ entity.getClass }}",
            "{{ entity['getClass']() }}",
            "{% include 'x' %}",
            "{% import 'x' %}",
            "{% from 'x' import y %}",
            "{% extends 'x' %}",
            "{% embed 'x' %}{% endembed %}",
            "{% macro m() %}x{% endmacro %}{{ m() }}",
            "{% block b %}x{% endblock %}",
            "{{ block('b') }}",
            "{{ parent() }}",
            "{{ i18n('messages', 'key') }}",
            "{% parallel %}x{% endparallel %}",
            "{% cache 'k' %}x{% endcache %}",
            "{{ template }}",
            "{{ _context }}",
            "{{ locale }}"})
    void escape_payload_fails_and_returns_nothing(String payload) {
        assertThatThrownBy(() -> ENGINE.compile(payload).render(CONTEXT))
                .isInstanceOfAny(TemplateException.class, TemplateRenderException.class);
    }

    @Test
    void getClass_is_refused_when_compiling() {
        assertThatThrownBy(() -> ENGINE.compile("{{ entity.getClass() }}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("\"getClass(...)\" is not allowed")
                .hasMessageContaining("templates cannot call methods")
                .hasMessageContaining("(line 1)");
    }

    @Test
    void method_call_on_a_literal_is_refused_when_compiling() {
        assertThatThrownBy(() -> ENGINE.compile("{{ (1).getClass() }}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("getClass");
        assertThatThrownBy(() -> ENGINE.compile("{{ [1,2].getClass() }}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("getClass");
    }

    @Test
    void size_method_is_refused_but_length_is_offered() {
        assertThatThrownBy(() -> ENGINE.compile("{{ data.size() }}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("size");
        assertThat(ENGINE.compile("{{ data.length }}").render(CONTEXT)).isEqualTo(3L);
    }

    @Test
    void class_of_a_map_is_only_a_missing_key() {
        assertThatThrownBy(() -> ENGINE.compile("{{ entity.class }}").render(CONTEXT))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("key \"class\" does not exist");
    }

    @Test
    void attribute_of_a_string_other_than_length_is_refused() {
        assertThatThrownBy(() -> ENGINE.compile("{{ entity.name.bytes }}").render(CONTEXT))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("reading \"bytes\" of a string is not allowed");
    }

    @Test
    void attribute_of_a_number_is_refused() {
        assertThatThrownBy(() -> ENGINE.compile("{{ entity.id.class }}").render(CONTEXT))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("reading \"class\" of a number is not allowed");
    }

    @Test
    void a_refused_access_is_not_hidden_by_the_default_filter() {
        assertThatThrownBy(() -> ENGINE.compile("{{ entity.name.bytes | default('x') }}").render(CONTEXT))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("not allowed");
    }

    @Test
    void include_is_refused_when_compiling() {
        assertThatThrownBy(() -> ENGINE.compile("{% include 'other' %}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("include");
    }

    @Test
    void import_extends_embed_and_from_are_refused_when_compiling() {
        for (String source : List.of("{% import 'x' %}", "{% extends 'x' %}",
                "{% embed 'x' %}{% endembed %}", "{% from 'x' import m %}")) {
            assertThatThrownBy(() -> ENGINE.compile(source))
                    .as(source)
                    .isInstanceOf(TemplateException.class);
        }
    }

    @Test
    void macros_are_refused_when_compiling() {
        assertThatThrownBy(() -> ENGINE.compile("{% macro m() %}x{% endmacro %}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("macro");
    }

    @Test
    void i18n_function_that_reads_resource_bundles_is_refused_when_compiling() {
        assertThatThrownBy(() -> ENGINE.compile("{{ i18n('messages', 'key') }}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("there is no function named \"i18n\"");
    }

    @Test
    void pebble_globals_are_not_visible_to_templates() {
        for (String name : List.of("template", "_context", "locale")) {
            assertThatThrownBy(() -> ENGINE.compile("{{ " + name + " }}").render(CONTEXT))
                    .as(name)
                    .isInstanceOf(TemplateRenderException.class)
                    .hasMessageContaining("variable \"" + name + "\" is not defined");
        }
    }

    @Test
    void a_template_cannot_write_into_the_callers_context() {
        Map<String, Object> context = new java.util.HashMap<>(CONTEXT);

        String text = ENGINE.compile("{% set entity = 'replaced' %}{{ entity }}").renderText(context);

        assertThat(text).isEqualTo("replaced");
        assertThat(context.get("entity")).isEqualTo(CONTEXT.get("entity"));
    }
}
