package dev.flowline.condition;

/**
 * A test on an entity event; all conditions of a workflow must hold.
 *
 * <p>Every condition knows the JSON path it was defined at, so explanations and errors can point to it.
 */
public sealed interface Condition permits FieldCondition, AllOf, AnyOf, Not, ExpressionCondition, QueryCondition {

    /** JSON path of this condition in its definition, e.g. {@code conditions[1].conditions[0]}. */
    String path();

    /** A short human-readable description, e.g. {@code status eq "paid"}. */
    String describe();
}
