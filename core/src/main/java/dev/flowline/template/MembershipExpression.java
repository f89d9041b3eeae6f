package dev.flowline.template;

import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.node.expression.BinaryExpression;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import io.pebbletemplates.pebble.utils.OperatorUtils;
import java.util.Collection;
import java.util.Map;

/**
 * The Jinja-style {@code in} and {@code not in} operators that Pebble lacks.
 *
 * <p>{@code x in list} compares items the way {@code ==} does (numbers by value across types),
 * {@code k in map} tests for a key, {@code s in text} for a substring. Any other right-hand side is
 * an error rather than {@code false}, so a typo does not silently turn a condition off. A node is
 * built per occurrence at compile time and holds no render state, so it is thread-safe.
 */
final class MembershipExpression extends BinaryExpression<Object> {

    private final boolean negated;

    MembershipExpression(boolean negated) {
        this.negated = negated;
    }

    @Override
    public Object evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
        Object item = getLeftExpression().evaluate(self, context);
        Object container = getRightExpression().evaluate(self, context);
        return negated != contains(container, item, self);
    }

    private boolean contains(Object container, Object item, PebbleTemplateImpl self) {
        return switch (container) {
            case Collection<?> items -> items.stream().anyMatch(element -> OperatorUtils.equals(item, element));
            case Map<?, ?> map -> item != null && map.containsKey(item);
            case String text when item instanceof String part -> text.contains(part);
            case String ignored -> throw error("\"in\" on a string needs a string on its left, got " + describe(item), self);
            case null -> throw error("the right side of \"in\" is null, it must be a list, a map or a string", self);
            default -> throw error("the right side of \"in\" must be a list, a map or a string, got "
                    + describe(container), self);
        };
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    private PebbleException error(String message, PebbleTemplateImpl self) {
        return new PebbleException(null, message, getLineNumber(), self.getName());
    }
}
