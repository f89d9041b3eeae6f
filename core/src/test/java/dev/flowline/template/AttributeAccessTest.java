package dev.flowline.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributeAccessTest {

    private final TemplateEngine engine = new TemplateEngine();
    private final Map<String, Object> context = Map.of(
            "items", List.of(Map.of("name", "first"), Map.of("name", "second")),
            "entity", Map.of("id", 7L, "name", "Ada"),
            "sized", Map.of("length", "the length key", "other", 1L),
            "name", "Grace");

    private Object render(String source) {
        return engine.compile(source).render(context);
    }

    @Test
    void length_of_a_list_is_its_size() {
        assertThat(render("{{ items.length }}")).isEqualTo(2L);
    }

    @Test
    void length_of_a_map_is_its_size() {
        assertThat(render("{{ entity.length }}")).isEqualTo(2L);
    }

    @Test
    void length_of_a_map_with_a_length_key_is_that_key() {
        assertThat(render("{{ sized.length }}")).isEqualTo("the length key");
    }

    @Test
    void length_of_a_string_is_its_character_count() {
        assertThat(render("{{ name.length }}")).isEqualTo(5L);
    }

    @Test
    void length_filter_works_on_lists_maps_and_strings() {
        assertThat(render("{{ items | length }}")).isEqualTo(2L);
        assertThat(render("{{ entity | length }}")).isEqualTo(2L);
        assertThat(render("{{ name | length }}")).isEqualTo(5L);
    }

    @Test
    void list_items_are_read_with_brackets() {
        assertThat(render("{{ items[1].name }}")).isEqualTo("second");
    }

    @Test
    void list_items_are_read_with_a_dotted_index() {
        assertThat(render("{{ items.0.name }}")).isEqualTo("first");
        assertThat(render("{{ items.1['name'] }}")).isEqualTo("second");
    }

    @Test
    void map_keys_are_read_with_dots_and_brackets() {
        assertThat(render("{{ entity.name }}-{{ entity['id'] }}")).isEqualTo("Ada-7");
    }

    @Test
    void a_key_can_come_from_another_variable() {
        assertThat(engine.compile("{{ entity[field] }}").render(Map.of("entity", Map.of("id", 7L), "field", "id")))
                .isEqualTo(7L);
    }

    @Test
    void numbers_with_a_fraction_are_not_mistaken_for_an_index() {
        assertThat(render("{{ 1.5 + items.length }}")).isEqualTo(3.5);
        assertThat(render("{{ (1..3).length }}")).isEqualTo(3L);
    }
}
