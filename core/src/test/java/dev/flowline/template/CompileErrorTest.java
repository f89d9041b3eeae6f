package dev.flowline.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class CompileErrorTest {

    private final TemplateEngine engine = new TemplateEngine();

    @Test
    void unclosed_expression_says_so_with_line_and_source() {
        TemplateException error = catchThrowableOfType(TemplateException.class, () -> engine.compile("{{ entity.id "));

        assertThat(error).hasMessage(
                "template does not compile: Unexpected end of template, \"{{\" is never closed (line 1): \"{{ entity.id \"");
        assertThat(error.line()).isEqualTo(1);
        assertThat(error.path()).isNull();
    }

    @Test
    void error_on_a_later_line_carries_that_line() {
        TemplateException error = catchThrowableOfType(TemplateException.class,
                () -> engine.compile("Hello\n{{ entity.name }}\n{{ entity.id entity.name }}"));

        assertThat(error.line()).isEqualTo(3);
        assertThat(error).hasMessageContaining("(line 3)").hasMessageContaining("\\n");
    }

    @Test
    void unclosed_block_names_the_missing_end_tag() {
        assertThatThrownBy(() -> engine.compile("{% if entity.vip %}VIP"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("endif");
    }

    @Test
    void unknown_filter_is_a_compile_error_although_pebble_would_wait_for_render() {
        TemplateException error = catchThrowableOfType(TemplateException.class,
                () -> engine.compile("a\n{{ entity.name | shout }}"));

        assertThat(error).hasMessageContaining("there is no filter named \"shout\"");
        assertThat(error.line()).isEqualTo(2);
    }

    @Test
    void unknown_function_is_a_compile_error() {
        assertThatThrownBy(() -> engine.compile("{{ now() }}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("there is no function named \"now\"");
    }

    @Test
    void unknown_test_is_a_compile_error() {
        assertThatThrownBy(() -> engine.compileExpression("entity is shiny"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("there is no test named \"shiny\"");
    }

    @Test
    void expression_errors_quote_the_expression_as_written() {
        assertThatThrownBy(() -> engine.compileExpression("entity.total >"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("expression does not compile: ")
                .hasMessageEndingWith(": \"entity.total >\"");
    }

    @Test
    void a_long_source_is_shortened_in_the_message() {
        String source = "x".repeat(500) + "{{";

        assertThatThrownBy(() -> engine.compile(source))
                .isInstanceOf(TemplateException.class)
                .hasMessageEndingWith("...\"");
    }

    @Test
    void null_source_is_refused_with_its_name() {
        assertThatThrownBy(() -> engine.compile(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("source");
    }

    @Test
    void is_template_recognises_expression_and_statement_tags() {
        assertThat(TemplateEngine.isTemplate("a {{ b }}")).isTrue();
        assertThat(TemplateEngine.isTemplate("{% if a %}{% endif %}")).isTrue();
        assertThat(TemplateEngine.isTemplate("plain { text }")).isFalse();
        assertThat(TemplateEngine.isTemplate(null)).isFalse();
    }
}
