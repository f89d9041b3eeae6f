package dev.flowline.template;

import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/**
 * A template compiled once by {@link TemplateEngine#compile(String)}, ready to be rendered many
 * times.
 *
 * <p>A template that is exactly one {@code {{ expression }}} (blank text around it allowed) is
 * <em>typed</em>: {@link #render} returns the expression's value with its type, so
 * {@code "{{ entity.total }}"} gives a number and {@code "{{ entity.tags }}"} a list. Any other
 * template renders to a string, in which lists and maps print as JSON and null prints as nothing.
 *
 * <p>Immutable and thread-safe: any number of threads may render the same instance at once, each
 * with its own context. Rendering never re-parses.
 */
public final class CompiledTemplate {

    private final PebbleRuntime runtime;
    private final String kind;
    private final String source;
    private final String pebbleSource;
    private final PebbleTemplateImpl template;
    private final Expression<?> single;
    private final Set<String> rootVariables;

    CompiledTemplate(PebbleRuntime runtime, String kind, String source, String pebbleSource,
            PebbleTemplateImpl template, Expression<?> single, Set<String> rootVariables) {
        this.runtime = runtime;
        this.kind = kind;
        this.source = source;
        this.pebbleSource = pebbleSource;
        this.template = template;
        this.single = single;
        this.rootVariables = rootVariables;
    }

    /** The source this template was compiled from. */
    public String source() {
        return source;
    }

    /** True when the source is exactly one {@code {{ expression }}}, so {@link #render} keeps its type. */
    public boolean typed() {
        return single != null;
    }

    /**
     * Renders against {@code context}: the typed value for a {@linkplain #typed() typed} template
     * ({@code Long}, {@code Double}, {@code BigDecimal}, {@code BigInteger}, {@code Boolean},
     * {@code String}, {@code List}, {@code Map} or null), otherwise the rendered string.
     *
     * @param context the top-level variables; read, never modified; null means none
     * @throws TemplateRenderException for an undefined variable or key, a refused access, or a
     *     value of the wrong type
     */
    public Object render(Map<String, Object> context) {
        return typed() ? value(context) : text(context);
    }

    /**
     * Renders against {@code context} to a string; a typed value is converted: null to {@code ""},
     * numbers and booleans plainly, lists and maps as JSON.
     *
     * @throws TemplateRenderException as {@link #render} does
     */
    public String renderText(Map<String, Object> context) {
        if (!typed()) {
            return text(context);
        }
        Object value = value(context);
        try {
            return JsonValues.toText(value);
        } catch (RuntimeException e) {
            throw ErrorMessages.cannotRender(kind, source, e);
        }
    }

    /**
     * The top-level context names this template reads, in reading order; loop variables, names
     * assigned by {@code {% set %}} and the names of filters, tests and functions are not included.
     */
    public Set<String> rootVariables() {
        return rootVariables;
    }

    /** This template, or a freshly parsed copy when the runtime compiles per render (the guide's "Bad"). */
    private CompiledTemplate compiled() {
        return runtime.compilePerRender() ? runtime.parse(kind, source, pebbleSource) : this;
    }

    private Object value(Map<String, Object> context) {
        CompiledTemplate t = compiled();
        try {
            return JsonValues.normalize(t.single.evaluate(t.template, runtime.newContext(t.template, context)));
        } catch (RuntimeException e) {
            throw ErrorMessages.cannotRender(kind, source, e);
        }
    }

    private String text(Map<String, Object> context) {
        CompiledTemplate t = compiled();
        StringWriter out = new StringWriter();
        try {
            t.template.getRootNode().render(t.template, out, runtime.newContext(t.template, context));
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        } catch (RuntimeException e) {
            throw ErrorMessages.cannotRender(kind, source, e);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "CompiledTemplate[" + source + "]";
    }
}
