package dev.flowline.template;

import java.util.Map;
import java.util.Set;

/**
 * An expression (written without braces, e.g. {@code entity.total > 100 and entity.country in
 * ['DE','FR']}) compiled once by {@link TemplateEngine#compileExpression(String)}.
 *
 * <p>Immutable and thread-safe: any number of threads may evaluate the same instance at once.
 */
public final class CompiledExpression {

    private final CompiledTemplate template;

    CompiledExpression(CompiledTemplate template) {
        this.template = template;
    }

    /** The expression as written, without braces. */
    public String source() {
        return template.source();
    }

    /**
     * Evaluates against {@code context} and returns the value with its type ({@code Long},
     * {@code Double}, {@code BigDecimal}, {@code BigInteger}, {@code Boolean}, {@code String},
     * {@code List}, {@code Map} or null).
     *
     * @throws TemplateRenderException for an undefined variable or key, a refused access, or a
     *     value of the wrong type
     */
    public Object evaluate(Map<String, Object> context) {
        return template.render(context);
    }

    /**
     * True only when the expression evaluates to {@link Boolean#TRUE}; any other value is false.
     *
     * @throws TemplateRenderException when evaluation itself fails, as in {@link #evaluate}
     */
    public boolean test(Map<String, Object> context) {
        return Boolean.TRUE.equals(evaluate(context));
    }

    /** The top-level context names the expression reads. */
    public Set<String> rootVariables() {
        return template.rootVariables();
    }

    @Override
    public String toString() {
        return "CompiledExpression[" + source() + "]";
    }
}
