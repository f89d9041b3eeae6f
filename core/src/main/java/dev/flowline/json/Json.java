package dev.flowline.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.flowline.FlowlineException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared Jackson mappers and the conversion of JSON trees into plain Java values.
 *
 * <p>Flowline keeps entity data as plain values: {@code Map<String,Object>}, {@code List<Object>},
 * {@code String}, {@code Long} (integral numbers that fit), {@code BigInteger}, {@code Double},
 * {@code Boolean} and {@code null}. Thread-safe.
 */
public final class Json {

    /** The JSON mapper; configured once, safe to share. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    /** The YAML mapper, producing the same trees as {@link #MAPPER}. */
    public static final ObjectMapper YAML = YAMLMapper.builder().build();

    private Json() {
    }

    /** Converts a JSON tree to plain Java values (see class comment). */
    public static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>(Math.max(4, node.size() * 2));
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    map.put(e.getKey(), toJava(e.getValue()));
                }
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode item : node) {
                    list.add(toJava(item));
                }
                yield list;
            }
            case STRING -> node.textValue();
            case BOOLEAN -> node.booleanValue();
            case NUMBER -> number(node);
            default -> node.asText();
        };
    }

    private static Object number(JsonNode node) {
        if (node.isIntegralNumber()) {
            if (node.canConvertToLong()) {
                return node.longValue();
            }
            return node.bigIntegerValue();
        }
        if (node.isBigDecimal()) {
            BigDecimal d = node.decimalValue();
            return d.doubleValue();
        }
        return node.doubleValue();
    }

    /**
     * Normalises a Java value into Flowline's plain form: integral numbers become Long, Float becomes Double,
     * collections become lists and maps with String keys; other values are kept. Returns the input when it is
     * already plain, so the common case allocates nothing.
     */
    @SuppressWarnings("unchecked")
    public static Object plain(Object v) {
        return switch (v) {
            case null -> null;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Float f -> f.doubleValue();
            case Map<?, ?> m -> {
                boolean same = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!(e.getKey() instanceof String) || plain(e.getValue()) != e.getValue()) {
                        same = false;
                        break;
                    }
                }
                if (same) {
                    yield m;
                }
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
                yield out;
            }
            case java.util.Collection<?> c -> {
                List<Object> out = new ArrayList<>(c.size());
                boolean same = c instanceof List<?>;
                for (Object x : c) {
                    Object p = plain(x);
                    same &= p == x;
                    out.add(p);
                }
                yield same ? c : out;
            }
            default -> v;
        };
    }

    /** Writes a value as compact JSON. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new FlowlineException("cannot write value as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses JSON text into plain Java values. */
    public static Object parse(String text) {
        try {
            return toJava(MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            throw new FlowlineException("invalid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
