package dev.flowline.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypedRenderingTest {

    private final TemplateEngine engine = new TemplateEngine();
    private final Map<String, Object> context = Map.of(
            "entity", entity(),
            "data", List.of(Map.of("id", 1L), Map.of("id", 2L), Map.of("id", 3L)));

    private static Map<String, Object> entity() {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("id", "c-1");
        entity.put("total", 12.5);
        entity.put("amount", new BigDecimal("1E+3"));
        entity.put("vip", true);
        entity.put("counter", 4L);
        entity.put("small", 4);
        entity.put("tags", List.of("new", "b2b"));
        return entity;
    }

    @Test
    void single_expression_keeps_its_number_type() {
        Object total = engine.compile("{{ entity.total }}").render(context);

        assertThat(total).isEqualTo(12.5);
    }

    @Test
    void single_expression_keeps_a_big_decimal() {
        assertThat(engine.compile("{{ entity.amount }}").render(context)).isEqualTo(new BigDecimal("1E+3"));
    }

    @Test
    void length_of_a_list_is_a_number() {
        assertThat(engine.compile("{{ data.length }}").render(context)).isEqualTo(3L);
    }

    @Test
    void single_expression_keeps_a_boolean() {
        assertThat(engine.compile("{{ entity.vip }}").render(context)).isEqualTo(Boolean.TRUE);
    }

    @Test
    void single_expression_keeps_a_list_and_a_map() {
        assertThat(engine.compile("{{ entity.tags }}").render(context)).isEqualTo(List.of("new", "b2b"));
        assertThat(engine.compile("{{ entity }}").render(context)).isSameAs(context.get("entity"));
    }

    @Test
    void arithmetic_keeps_a_number() {
        assertThat(engine.compile("{{ entity.counter + 1 }}").render(context)).isEqualTo(5L);
    }

    @Test
    void integers_come_back_as_longs() {
        assertThat(engine.compile("{{ entity.small }}").render(context)).isEqualTo(4L);
        assertThat(engine.compile("{{ entity.small * 2 }}").render(context)).isEqualTo(8L);
    }

    @Test
    void surrounding_whitespace_keeps_a_template_typed() {
        CompiledTemplate template = engine.compile("  {{ entity.counter }}\n");

        assertThat(template.typed()).isTrue();
        assertThat(template.render(context)).isEqualTo(4L);
    }

    @Test
    void text_around_an_expression_gives_a_string() {
        CompiledTemplate template = engine.compile("Results: {{data.length}} items");

        assertThat(template.typed()).isFalse();
        assertThat(template.render(context)).isEqualTo("Results: 3 items");
    }

    @Test
    void two_expressions_or_a_tag_give_a_string() {
        assertThat(engine.compile("{{ entity.counter }}{{ entity.counter }}").render(context)).isEqualTo("44");
        assertThat(engine.compile("{% if true %}{{ entity.counter }}{% endif %}").typed()).isFalse();
        assertThat(engine.compile("{% filter upper %}{{ entity.id }}{% endfilter %}").render(context))
                .isEqualTo("C-1");
    }

    @Test
    void literal_values_are_typed_too() {
        assertThat(engine.compile("{{ [1, 'two'] }}").render(context)).isEqualTo(List.of(1L, "two"));
        assertThat(engine.compile("{{ {'k': 2} }}").render(context)).isEqualTo(Map.of("k", 2L));
        assertThat(engine.compile("{{ null }}").render(context)).isNull();
        assertThat(engine.compile("{{ 'a,b' | split(',') }}").render(context)).isEqualTo(List.of("a", "b"));
    }

    @Test
    void render_text_of_a_typed_value_converts_it() {
        assertThat(engine.compile("{{ entity.tags }}").renderText(context)).isEqualTo("[\"new\",\"b2b\"]");
        assertThat(engine.compile("{{ null }}").renderText(context)).isEmpty();
        assertThat(engine.compile("{{ entity.counter }}").renderText(context)).isEqualTo("4");
        assertThat(engine.compile("{{ entity.total }}").renderText(context)).isEqualTo("12.5");
        assertThat(engine.compile("{{ entity.amount }}").renderText(context)).isEqualTo("1000");
        assertThat(engine.compile("{{ entity.vip }}").renderText(context)).isEqualTo("true");
    }

    @Test
    void render_text_of_a_map_is_json_in_key_order() {
        assertThat(engine.compile("{{ entity }}").renderText(context)).isEqualTo(
                "{\"id\":\"c-1\",\"total\":12.5,\"amount\":1000,\"vip\":true,\"counter\":4,\"small\":4,"
                        + "\"tags\":[\"new\",\"b2b\"]}");
    }

    @Test
    void lists_and_maps_inside_text_print_as_json() {
        assertThat(engine.compile("tags={{ entity.tags }} first={{ data[0] }}").render(context))
                .isEqualTo("tags=[\"new\",\"b2b\"] first={\"id\":1}");
    }

    @Test
    void null_inside_text_prints_nothing() {
        Map<String, Object> withNull = new java.util.HashMap<>();
        withNull.put("x", null);

        assertThat(engine.compile("[{{ x }}]").render(withNull)).isEqualTo("[]");
    }

    @Test
    void a_newline_after_an_expression_is_kept() {
        assertThat(engine.compile("{{ entity.id }}\nnext line").render(context)).isEqualTo("c-1\nnext line");
    }

    @Test
    void autoescaping_is_off() {
        Map<String, Object> html = Map.of("s", "<b>\"Tom\" & 'Jerry'</b>");

        assertThat(engine.compile("say {{ s }}").render(html)).isEqualTo("say <b>\"Tom\" & 'Jerry'</b>");
    }

    @Test
    void loops_render_items_and_loop_variables() {
        CompiledTemplate template = engine.compile(
                "{% for row in data %}{{ loop.index }}:{{ row.id }}{% if not loop.last %},{% endif %}{% endfor %}");

        assertThat(template.render(context)).isEqualTo("0:1,1:2,2:3");
    }

    @Test
    void loops_over_a_map_see_key_and_value() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("a", 1L);
        headers.put("b", 2L);

        assertThat(engine.compile("{% for h in headers %}{{ h.key }}={{ h.value }};{% endfor %}")
                .render(Map.of("headers", headers))).isEqualTo("a=1;b=2;");
    }

    @Test
    void set_assigns_a_local_name() {
        assertThat(engine.compile("{% set n = data.length * 2 %}n={{ n }}").render(context)).isEqualTo("n=6");
    }
}
