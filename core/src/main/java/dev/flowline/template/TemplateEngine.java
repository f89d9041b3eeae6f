package dev.flowline.template;

import java.util.Objects;

/**
 * Compiles the {@code {{ ... }}} templates and expressions of workflow definitions (Pebble, with
 * Jinja syntax) into objects that render quickly and safely many times.
 *
 * <p>What a template may do is deliberately small: read variables, map keys, list items
 * ({@code items[0]}, {@code items.0}) and {@code length}; use Pebble's operators, filters, tests and
 * functions, plus {@code in} / {@code not in}; use {@code if}, {@code for}, {@code set} and
 * {@code filter} tags. It can call no method and load no other template or file. An undefined
 * variable or key is an error when rendering, except under the {@code default} filter and the
 * {@code defined} test.
 *
 * <p>Compile when a definition is loaded, keep the result, render it per event. An engine holds one
 * configured Pebble engine and no per-template state; it is thread-safe and meant to be shared.
 */
public final class TemplateEngine {

    private final Secrets secrets;
    private final PebbleRuntime runtime;
    private volatile PebbleRuntime htmlRuntime;
    private final ValueCompiler values = new ValueCompiler(this);

    /** An engine without secrets ({@code secret('X')} fails at render time). */
    public TemplateEngine() {
        this(Secrets.none());
    }

    /** An engine whose templates can read {@code secrets} with {@code secret('NAME')}. */
    public TemplateEngine(Secrets secrets) {
        this(secrets, false);
    }

    private TemplateEngine(Secrets secrets, boolean compilePerRender) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.runtime = new PebbleRuntime(false, secrets, compilePerRender);
    }

    /** The secrets templates can read (and that must be masked wherever outputs are recorded). */
    public Secrets secrets() {
        return secrets;
    }

    /**
     * An engine whose templates are checked at compile time as usual but parsed again at every render: the guide's
     * "Bad" form, slower and otherwise identical. Only for benchmarks that measure what compiling once saves.
     */
    public static TemplateEngine compilingPerRender() {
        return new TemplateEngine(Secrets.none(), true);
    }

    /** True when {@code s} contains a template tag, <code>&#123;&#123;</code> or <code>&#123;%</code>; null is not one. */
    public static boolean isTemplate(String s) {
        return s != null && (s.contains("{{") || s.contains("{%"));
    }

    /**
     * Compiles a template such as {@code "Hello {{ entity.name }}"} or {@code "{{ data.length }}"}.
     *
     * @throws TemplateException when it does not compile or uses something refused (a method call,
     *     {@code include}, an unknown filter, test or function, ...); its message gives the line
     */
    public CompiledTemplate compile(String source) {
        Objects.requireNonNull(source, "source");
        return runtime.parse("template", source, source);
    }

    /**
     * Compiles an HTML template (an e-mail's {@code html_body}): every printed value is HTML-escaped, so data from
     * entities cannot inject markup; the result is always text.
     *
     * @throws TemplateException as {@link #compile} does
     */
    public CompiledTemplate compileHtml(String source) {
        Objects.requireNonNull(source, "source");
        PebbleRuntime r = htmlRuntime;
        if (r == null) {
            synchronized (this) {
                if (htmlRuntime == null) {
                    htmlRuntime = new PebbleRuntime(true, secrets, false);
                }
                r = htmlRuntime;
            }
        }
        return r.parse("HTML template", source, source);
    }

    /**
     * Compiles an expression written without braces, e.g.
     * {@code entity.total > 100 and entity.country in ['DE','FR']}.
     *
     * @throws TemplateException when it does not compile or is not exactly one expression
     */
    public CompiledExpression compileExpression(String expression) {
        Objects.requireNonNull(expression, "expression");
        String trimmed = expression.strip();
        if (trimmed.startsWith("{{") || trimmed.startsWith("{%")) {
            throw notOneExpression(expression, "write it without {{ }} or {% %}");
        }
        CompiledTemplate template = runtime.parse("expression", expression, "{{ " + expression + " }}");
        if (!template.typed()) {
            throw notOneExpression(expression, "it must be exactly one expression");
        }
        return new CompiledExpression(template);
    }

    /**
     * Compiles a raw JSON-like tree (maps, lists, strings, numbers, booleans, null) in which any
     * string may be a template.
     *
     * @param raw the tree, as parsed from the definition
     * @param path the JSON path of {@code raw}, e.g. {@code actions[2].body}; may be null or empty
     * @throws TemplateException naming the full path of the first string that does not compile
     */
    public TemplateValue compileValue(Object raw, String path) {
        return values.compile(raw, path);
    }

    private static TemplateException notOneExpression(String expression, String reason) {
        return new TemplateException("expression does not compile: " + reason + ": "
                + ErrorMessages.quote(expression), null, -1);
    }
}
