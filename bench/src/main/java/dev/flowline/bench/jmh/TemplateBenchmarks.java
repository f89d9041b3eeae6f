package dev.flowline.bench.jmh;

import dev.flowline.template.CompiledTemplate;
import dev.flowline.template.TemplateEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.Map;

/** JMH: rendering the guide's notification template, compiled once vs compiled at every render. */
@State(Scope.Thread)
public class TemplateBenchmarks {

    private static final String SOURCE = "Order {{ entity.id }} is paid: {{ data.length }} lines to pick";

    private CompiledTemplate compiled;
    private CompiledTemplate perRender;
    private TemplateEngine engine;
    private Map<String, Object> context;

    @Setup
    public void setUp() {
        engine = new TemplateEngine();
        compiled = engine.compile(SOURCE);
        perRender = TemplateEngine.compilingPerRender().compile(SOURCE);
        context = Map.of("entity", Map.of("id", "o-1001"), "data", List.of(1L, 2L, 3L));
    }

    @Benchmark
    public Object renderCompiled() {
        return compiled.render(context);
    }

    @Benchmark
    public Object renderCompiledPerRender() {
        return perRender.render(context);
    }

    @Benchmark
    public Object compileOnly() {
        return engine.compile(SOURCE);
    }
}
