package dev.flowline.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DottedIndexRewriterTest {

    @Test
    void a_dotted_index_after_a_name_becomes_a_subscript() {
        assertThat(DottedIndexRewriter.rewrite("{{ items.0.name }}")).isEqualTo("{{ items[0].name }}");
        assertThat(DottedIndexRewriter.rewrite("{% if rows.12 %}x{% endif %}")).isEqualTo("{% if rows[12] %}x{% endif %}");
    }

    @Test
    void a_dotted_index_after_a_bracket_or_parenthesis_becomes_a_subscript() {
        assertThat(DottedIndexRewriter.rewrite("{{ a[1].0 }} {{ (b).2 }}")).isEqualTo("{{ a[1][0] }} {{ (b)[2] }}");
    }

    @Test
    void numbers_and_ranges_are_left_alone() {
        String source = "{{ 1.5 + x }} {{ 1..3 }} {{ a..3 }}";

        assertThat(DottedIndexRewriter.rewrite(source)).isEqualTo(source);
    }

    @Test
    void text_strings_comments_and_verbatim_blocks_are_left_alone() {
        String source = "v1.0 {{ 'items.0' ~ \"x.1\" }} {# items.0 #} {% verbatim %}{{ items.0 }}{% endverbatim %} {{ y.1 }}";

        assertThat(DottedIndexRewriter.rewrite(source)).isEqualTo(
                "v1.0 {{ 'items.0' ~ \"x.1\" }} {# items.0 #} {% verbatim %}{{ items.0 }}{% endverbatim %} {{ y[1] }}");
    }

    @Test
    void closing_braces_of_a_map_literal_do_not_end_the_tag() {
        assertThat(DottedIndexRewriter.rewrite("{{ {'a': {'b': 1}} }} after.0 {{ c.0 }}"))
                .isEqualTo("{{ {'a': {'b': 1}} }} after.0 {{ c[0] }}");
    }

    @Test
    void a_source_without_a_dotted_digit_is_returned_as_is() {
        String source = "{{ entity.name }}";

        assertThat(DottedIndexRewriter.rewrite(source)).isSameAs(source);
    }

    @Test
    void line_breaks_are_kept_so_line_numbers_stay_right() {
        assertThat(DottedIndexRewriter.rewrite("a\n{{ x.0\n}}\n{{ y.1 }}")).isEqualTo("a\n{{ x[0]\n}}\n{{ y[1] }}");
    }
}
