package dev.flowline.template;

import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;

/**
 * Wraps the expression of each {@code {{ }}} in a text template so its value is printed the way
 * {@link CompiledTemplate#renderText} prints a typed value: lists and maps as JSON, plain numbers,
 * nothing for null (Pebble alone would print {@code [a, b]} and {@code {k=v}}). Immutable.
 */
final class TextPrintExpression implements Expression<Object> {

    private final Expression<?> value;

    TextPrintExpression(Expression<?> value) {
        this.value = value;
    }

    @Override
    public Object evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
        return JsonValues.toText(value.evaluate(self, context));
    }

    @Override
    public int getLineNumber() {
        return value.getLineNumber();
    }

    @Override
    public void accept(NodeVisitor visitor) {
        value.accept(visitor);
    }
}
