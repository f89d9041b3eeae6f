package dev.flowline.template;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.node.PrintNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.node.RootNode;
import io.pebbletemplates.pebble.node.TextNode;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import io.pebbletemplates.pebble.template.ScopeChain;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Flowline's Pebble engine and the only code that parses with it and sets up an evaluation.
 *
 * <p>Rendering does not go through {@code PebbleTemplate.evaluate}: that would put Pebble's
 * globals ({@code template}, {@code locale}, {@code _context}) next to the caller's variables, let
 * {@code {% set %}} write into the caller's map, and only produce text. Instead each render gets a
 * fresh evaluation context whose variables are exactly the caller's map, read-only
 * ({@link RenderVariables}), and a single-expression template is evaluated directly to keep its
 * value's type. Thread-safe.
 */
final class PebbleRuntime {

    private static final int UNLIMITED = -1;

    private final PebbleEngine engine;
    private final boolean html;
    private final boolean compilePerRender;

    PebbleRuntime() {
        this(false, Secrets.none(), false);
    }

    /**
     * @param html             escape every printed value for HTML (and always render text, never typed values)
     * @param secrets          what {@code secret('NAME')} reads
     * @param compilePerRender parse every template again at each render (the guide's "Bad"; for benchmarks)
     */
    PebbleRuntime(boolean html, Secrets secrets, boolean compilePerRender) {
        this.engine = PebbleFactory.create(html, secrets);
        this.html = html;
        this.compilePerRender = compilePerRender;
    }

    boolean compilePerRender() {
        return compilePerRender;
    }

    /**
     * Parses {@code pebbleSource} into a template shown to users as {@code source}.
     *
     * @throws TemplateException when it does not compile or uses something refused
     */
    CompiledTemplate parse(String kind, String source, String pebbleSource) {
        try {
            PebbleTemplateImpl template = (PebbleTemplateImpl) engine.getTemplate(DottedIndexRewriter.rewrite(pebbleSource));
            RootNode root = (RootNode) template.getRootNode();
            TemplateAnalyzer.Result analysis = TemplateAnalyzer.analyze(root, engine.getExtensionRegistry());
            Expression<?> single = html ? null : singleExpression(pebbleSource, root);
            if (single == null) {
                for (PrintNode print : analysis.prints()) {
                    print.setExpression(new TextPrintExpression(print.getExpression()));
                }
            }
            return new CompiledTemplate(this, kind, source, pebbleSource, template, single, analysis.rootVariables());
        } catch (RuntimeException e) {
            throw ErrorMessages.doesNotCompile(kind, source, e);
        }
    }

    /** A fresh, single-use evaluation context over {@code variables}. */
    EvaluationContextImpl newContext(PebbleTemplateImpl template, Map<String, Object> variables) {
        ScopeChain scopes = new ScopeChain();
        scopes.pushScope(new RenderVariables(variables));
        return new EvaluationContextImpl(template, true, Locale.ROOT, UNLIMITED, engine.getExtensionRegistry(),
                engine.getTagCache(), null, List.of(), Map.of(), scopes, null, engine.getEvaluationOptions());
    }

    /** The expression of a source that is one {@code {{ }}} and blank text around it, else null. */
    private static Expression<?> singleExpression(String source, RootNode root) {
        String trimmed = source.strip();
        if (!trimmed.startsWith("{{") || !trimmed.endsWith("}}")) {
            return null;
        }
        PrintNode single = null;
        for (RenderableNode child : root.getBody().getChildren()) {
            if (child instanceof PrintNode print && single == null) {
                single = print;
            } else if (!(child instanceof TextNode text && new String(text.getData()).isBlank())) {
                return null;
            }
        }
        return single == null ? null : single.getExpression();
    }
}
