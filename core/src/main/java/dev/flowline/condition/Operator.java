package dev.flowline.condition;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Operators of {@code field} conditions, with the JSON name users write. */
public enum Operator {
    EQ, NE, GT, GTE, LT, LTE, IN, NOT_IN, CONTAINS, STARTS_WITH, ENDS_WITH, MATCHES, EXISTS, IS_NULL, BETWEEN,
    CHANGED, CHANGED_FROM, CHANGED_TO;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the operator compares against a {@code value} (all but exists, is_null and changed). */
    public boolean takesValue() {
        return this != EXISTS && this != IS_NULL && this != CHANGED;
    }

    /** Null when the name is unknown. */
    public static Operator fromJson(String name) {
        for (Operator o : values()) {
            if (o.jsonName().equals(name)) {
                return o;
            }
        }
        return null;
    }

    /** All JSON names, comma separated, for error messages. */
    public static String names() {
        return Arrays.stream(values()).map(Operator::jsonName).collect(Collectors.joining(", "));
    }
}
