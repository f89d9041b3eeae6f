package dev.flowline.template;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlTemplateTest {

    private final TemplateEngine engine = new TemplateEngine();

    @Test
    void values_printed_into_html_are_escaped() {
        CompiledTemplate t = engine.compileHtml("<p>Hello {{ entity.name }}</p>");
        Map<String, Object> ctx = Map.of("entity", Map.of("name", "<script>alert('x')</script> & \"co\""));
        assertThat(t.render(ctx)).isEqualTo(
                "<p>Hello &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;</p>");
    }

    @Test
    void a_single_expression_in_html_is_text_and_escaped_too() {
        CompiledTemplate t = engine.compileHtml("{{ entity.name }}");
        assertThat(t.typed()).isFalse();
        assertThat(t.render(Map.of("entity", Map.of("name", "<b>")))).isEqualTo("&lt;b&gt;");
    }

    @Test
    void values_inside_lists_are_escaped_and_the_sandbox_still_holds() {
        assertThat((String) engine.compileHtml("{{ tags }}").render(Map.of("tags", List.of("<a>")))).doesNotContain("<a>").contains("&lt;a&gt;");
        assertThatThrownBy(() -> engine.compileHtml("{{ entity.getClass() }}")).isInstanceOf(TemplateException.class);
    }

    @Test
    void plain_templates_are_still_not_escaped() {
        assertThat(engine.compile("a {{ x }}").render(Map.of("x", "<b>"))).isEqualTo("a <b>");
    }
}
