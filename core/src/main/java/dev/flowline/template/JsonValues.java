package dev.flowline.template;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Turns what a Pebble expression produced into a JSON-like value, and any such value into text.
 *
 * <p>Whole numbers become {@link Long} (Pebble and callers hand over {@code Integer}s, loop
 * counters and other {@link Number}s), {@code float} becomes {@link Double}, Pebble's strings
 * become {@link String}, arrays and other collections become lists. The JSON writer only knows
 * maps, lists and scalars: it has no access to getters or fields, so it cannot be used to call into
 * arbitrary objects. Stateless, so thread-safe.
 */
final class JsonValues {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private JsonValues() {
    }

    /** The JSON-like form of {@code value}; throws {@link IllegalArgumentException} when there is none. */
    static Object normalize(Object value) {
        return switch (value) {
            case null -> null;
            case String text -> text;
            case Boolean flag -> flag;
            case Long number -> number;
            case Double number -> number;
            case BigDecimal number -> number;
            case BigInteger number -> number;
            case Float number -> number.doubleValue();
            case Number number -> number.longValue();
            case Map<?, ?> map -> map;
            case List<?> list -> list;
            case Collection<?> collection -> new ArrayList<>(collection);
            case Object[] array -> Arrays.asList(array);
            case CharSequence text -> text.toString();
            case Character character -> character.toString();
            case SafeString text -> text.toString();
            default -> throw new IllegalArgumentException(
                    "the result is a " + value.getClass().getName() + ", which is not a JSON value");
        };
    }

    /** {@code value} as text: {@code ""} for null, plain numbers and booleans, JSON for lists and maps. */
    static String toText(Object value) {
        return switch (normalize(value)) {
            case null -> "";
            case String text -> text;
            case BigDecimal number -> number.toPlainString();
            case Map<?, ?> map -> toJson(map);
            case List<?> list -> toJson(list);
            case Object scalar -> scalar.toString();
        };
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the result cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
