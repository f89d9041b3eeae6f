package dev.flowline.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RootVariablesTest {

    private final TemplateEngine engine = new TemplateEngine();

    private Set<String> roots(String source) {
        return engine.compile(source).rootVariables();
    }

    @Test
    void attribute_reads_count_only_their_root() {
        assertThat(roots("{{entity.id}} {{data.length}}")).containsExactly("entity", "data");
    }

    @Test
    void a_variable_used_as_a_key_is_read_too() {
        assertThat(roots("{{ a[b.c] }}")).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void filter_arguments_are_read_but_filter_names_are_not_variables() {
        assertThat(roots("{{ x | default(y) | upper }}")).containsExactlyInAnyOrder("x", "y");
    }

    @Test
    void function_arguments_are_read_but_function_names_are_not_variables() {
        assertThat(roots("{{ max(a, b) }}")).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void test_names_are_not_variables() {
        assertThat(roots("{{ x is defined }} {{ y is empty }}")).containsExactlyInAnyOrder("x", "y");
    }

    @Test
    void if_conditions_and_bodies_are_read() {
        assertThat(roots("{% if c %}{{ d }}{% elseif e %}{{ f }}{% else %}{{ g }}{% endif %}"))
                .containsExactlyInAnyOrder("c", "d", "e", "f", "g");
    }

    @Test
    void loop_variables_are_not_root_variables() {
        assertThat(roots("{% for i in items %}{{ i.name }} {{ other }} {{ loop.index }}{% endfor %}"))
                .containsExactlyInAnyOrder("items", "other");
    }

    @Test
    void a_loop_variable_is_a_root_variable_again_after_its_loop() {
        assertThat(roots("{% for i in items %}{{ i }}{% endfor %}{{ i }}")).containsExactlyInAnyOrder("items", "i");
    }

    @Test
    void a_set_name_is_not_a_root_variable_but_its_value_is_read() {
        assertThat(roots("{% set t = a %}{{ t }}")).containsExactly("a");
    }

    @Test
    void literals_ternaries_maps_and_lists_are_walked() {
        assertThat(roots("{{ c ? [x, 1] : {'k': y} }}")).containsExactlyInAnyOrder("c", "x", "y");
    }

    @Test
    void string_interpolation_and_concatenation_are_walked() {
        assertThat(roots("{{ \"Hi #{ name }\" ~ suffix }}")).containsExactlyInAnyOrder("name", "suffix");
    }

    @Test
    void filter_tag_bodies_are_walked() {
        assertThat(roots("{% filter upper %}{{ shout }}{% endfilter %}")).containsExactly("shout");
    }

    @Test
    void text_without_tags_reads_nothing() {
        assertThat(roots("just text")).isEmpty();
    }

    @Test
    void a_dotted_index_is_not_a_variable() {
        assertThat(roots("{{ items.0.name }}")).containsExactly("items");
    }
}
