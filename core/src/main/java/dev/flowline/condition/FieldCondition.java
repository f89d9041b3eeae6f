package dev.flowline.condition;

import dev.flowline.json.Json;
import dev.flowline.value.FieldPath;

import java.util.regex.Pattern;

/**
 * Compares one field of the entity with a value.
 *
 * @param path     JSON path of the condition
 * @param field    the dotted field path
 * @param operator the operator
 * @param value    the operand (a list for in/not_in/between; absent operators take none)
 * @param pattern  the compiled regex for {@code matches}, else null
 */
public record FieldCondition(String path, FieldPath field, Operator operator, Object value, Pattern pattern)
        implements Condition {

    @Override
    public String describe() {
        return operator.takesValue()
                ? field + " " + operator.jsonName() + " " + Json.write(value)
                : field + " " + operator.jsonName();
    }
}
