package dev.flowline.bench.strategies;

import dev.flowline.bench.Interleaved;
import dev.flowline.bench.Report;
import dev.flowline.template.TemplateEngine;
import dev.flowline.template.TemplateValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntUnaryOperator;

/**
 * {@code flowline bench templates}: the guide's templates rendered from a template compiled once (Flowline compiles
 * when a definition is saved) and from one compiled again at every render (the guide's "Bad"), interleaved.
 */
@Command(name = "templates", mixinStandardHelpOptions = true,
        description = "Template rendering: compiled once and kept vs compiled per render.")
public final class TemplatesBenchmark implements Callable<Integer> {

    /** The guide's templates (its DAG example and case study) and the README's. */
    static final Map<String, Object> TEMPLATES = templates();

    @Option(names = "--rounds", description = "Measured rounds (default ${DEFAULT-VALUE}).")
    int rounds = 5;

    @Option(names = "--round-ms", description = "Time per variant per round (default ${DEFAULT-VALUE}).")
    long roundMs = 500;

    private final PrintStream out;

    public TemplatesBenchmark(PrintStream out) {
        this.out = out;
    }

    private static Map<String, Object> templates() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("notification", "Results: {{data.length}} items found");
        t.put("webhook_body", Map.of("result_count", "{{data.length}}"));
        t.put("order_paid", "Order {{ entity.id }} is paid: {{ data.length }} lines to pick");
        t.put("customer_greeting", "Thanks for order {{ entity.id }} ({{ entity.total }} EUR)");
        t.put("expression", "{{ entity.total > 100 and entity.country in ['DE','FR'] }}");
        t.put("loop", "{% for line in data %}{{ line.sku }} x{{ line.qty }}{% if not loop.last %}, {% endif %}{% endfor %}");
        return t;
    }

    static Map<String, Object> context() {
        return Map.of(
                "entity", Map.of("id", "o-1001", "total", 120L, "country", "DE", "customer", Map.of("id", "c-7")),
                "data", List.of(Map.of("sku", "SKU-1", "qty", 2L), Map.of("sku", "SKU-2", "qty", 1L),
                        Map.of("sku", "SKU-3", "qty", 5L)));
    }

    @Override
    public Integer call() {
        Report report = new Report(out, "templates");
        TemplateEngine once = new TemplateEngine();
        TemplateEngine perRender = TemplateEngine.compilingPerRender();
        Map<String, Object> ctx = context();
        List<String> names = List.copyOf(TEMPLATES.keySet());
        Map<String, Object> figures = new LinkedHashMap<>();
        double sumOnce = 0;
        double sumPer = 0;
        report.line("templates: the guide's templates, one thread, %d interleaved rounds of %d ms per variant", rounds,
                roundMs);
        for (String name : names) {
            TemplateValue compiled = once.compileValue(TEMPLATES.get(name), name);
            TemplateValue recompiled = perRender.compileValue(TEMPLATES.get(name), name);
            if (!compiled.render(ctx).equals(recompiled.render(ctx))) {
                throw new IllegalStateException("the two forms render " + name + " differently");
            }
            IntUnaryOperator a = i -> compiled.render(ctx).hashCode();
            IntUnaryOperator b = i -> recompiled.render(ctx).hashCode();
            Interleaved run = new Interleaved(2, 1, roundMs * 1_000_000);
            run.round(false, a, b);
            for (int r = 0; r < rounds; r++) {
                run.round(true, a, b);
            }
            double usOnce = 1e6 / run.rate(0);
            double usPer = 1e6 / run.rate(1);
            sumOnce += usOnce;
            sumPer += usPer;
            report.progress("%-18s compiled once %8.2f us/render, compiled per render %8.2f us/render: %.0fx", name,
                    usOnce, usPer, usPer / usOnce);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("compiled_us", Report.round(usOnce));
            f.put("per_render_us", Report.round(usPer));
            f.put("speedup", Report.round(usPer / usOnce));
            figures.put(name, f);
        }
        report.line("");
        report.line("  all %d templates: compiled once %.2f us, compiled per render %.2f us per set of renders: %.0fx",
                names.size(), sumOnce, sumPer, sumPer / sumOnce);
        report.put("templates", figures).put("compiled_renders_per_s", names.size() * 1e6 / sumOnce)
                .put("per_render_renders_per_s", names.size() * 1e6 / sumPer).put("speedup", sumPer / sumOnce)
                .put("rounds", rounds);
        report.finish();
        return 0;
    }
}
