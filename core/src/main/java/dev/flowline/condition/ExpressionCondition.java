package dev.flowline.condition;

import dev.flowline.template.CompiledExpression;

/** An expression in the template language that must evaluate to {@code true}. */
public record ExpressionCondition(String path, CompiledExpression expression) implements Condition {

    @Override
    public String describe() {
        return "expression " + expression.source();
    }
}
