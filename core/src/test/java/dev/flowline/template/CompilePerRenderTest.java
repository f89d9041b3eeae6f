package dev.flowline.template;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link TemplateEngine#compilingPerRender()}: the guide's "Bad" form renders exactly what compiling once renders. */
class CompilePerRenderTest {

    private final TemplateEngine once = new TemplateEngine();
    private final TemplateEngine perRender = TemplateEngine.compilingPerRender();
    private final Map<String, Object> context = Map.of(
            "entity", Map.of("id", "o-1", "total", 120L, "lines", List.of(Map.of("sku", "A"), Map.of("sku", "B"))),
            "data", List.of(1L, 2L, 3L));

    @Test
    void text_typed_values_and_expressions_render_the_same() {
        for (String source : List.of("Order {{ entity.id }}: {{ data.length }} lines",
                "{{ entity.total }}", "{{ entity.lines }}",
                "{% for l in entity.lines %}{{ l.sku }},{% endfor %}")) {
            assertThat(perRender.compile(source).render(context)).as(source)
                    .isEqualTo(once.compile(source).render(context));
        }
        assertThat(perRender.compileExpression("entity.total > 100 and 'A' in ['A']").test(context)).isTrue();
        assertThat(perRender.compileValue(Map.of("n", "{{ data.length }}"), "body").render(context))
                .isEqualTo(Map.of("n", 3L));
    }

    @Test
    void compile_errors_are_still_reported_at_compile_time_and_render_errors_at_render_time() {
        assertThatThrownBy(() -> perRender.compile("{{ entity.id ")).isInstanceOf(TemplateException.class);
        CompiledTemplate t = perRender.compile("{{ missing.x }}");
        assertThatThrownBy(() -> t.render(context)).isInstanceOf(TemplateRenderException.class);
    }
}
