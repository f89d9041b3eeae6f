package dev.flowline.template;

import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.attributes.ResolvedAttribute;
import io.pebbletemplates.pebble.error.AttributeNotFoundException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.node.ForNode;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The only way a template can read inside a value: map keys, list items and {@code length}.
 *
 * <p>It is installed before Pebble's own resolvers and never returns {@code null}, so Pebble's
 * reflective resolver (getters, public methods, fields) is never reached. Missing data raises
 * {@link AttributeNotFoundException}, which the {@code default} filter and the {@code defined} test
 * understand; anything else (method calls, attributes of numbers, strings or other Java objects)
 * raises a plain {@link PebbleException} that nothing swallows. Stateless, so thread-safe.
 */
final class SandboxAttributeResolver implements AttributeResolver {

    static final String LENGTH = "length";

    @Override
    public ResolvedAttribute resolve(Object instance, Object name, Object[] argumentValues,
            ArgumentsNode args, EvaluationContextImpl context, String filename, int line) {
        if (args != null) {
            throw refused("calling \"" + name + "(...)\" is not allowed, templates cannot call methods", filename, line);
        }
        Object value = switch (instance) {
            case null -> throw missing("cannot read \"" + name + "\" of null", name, filename, line);
            case Map<?, ?> map -> mapEntry(map, name, filename, line);
            case List<?> list -> listItem(list, name, filename, line);
            case Object[] array -> listItem(Arrays.asList(array), name, filename, line);
            case String text when LENGTH.equals(name) -> (long) text.length();
            case Map.Entry<?, ?> entry -> entryPart(entry, name, filename, line);
            case ForNode.LoopVariables loop -> loopVariable(loop, name, filename, line);
            default -> throw refused("reading \"" + name + "\" of a " + kind(instance)
                    + " is not allowed, only map keys, list items and length can be read", filename, line);
        };
        return new ResolvedAttribute(value);
    }

    private static Object mapEntry(Map<?, ?> map, Object name, String filename, int line) {
        if (name != null) {
            if (map.containsKey(name)) {
                return map.get(name);
            }
            // JSON objects have string keys, so m[0] and m.0 look up "0"
            String key = name.toString();
            if (!(name instanceof String) && map.containsKey(key)) {
                return map.get(key);
            }
            if (LENGTH.equals(key)) {
                return (long) map.size();
            }
        }
        throw missing("key \"" + name + "\" does not exist", name, filename, line);
    }

    private static Object listItem(List<?> list, Object name, String filename, int line) {
        if (LENGTH.equals(name)) {
            return (long) list.size();
        }
        if (!(name instanceof Number number)) {
            throw missing("a list has no attribute \"" + name + "\", only items by index and length",
                    name, filename, line);
        }
        long index = number.longValue();
        if (index < 0 || index >= list.size()) {
            throw missing("index " + index + " is out of range for a list of " + list.size() + " items",
                    name, filename, line);
        }
        return list.get((int) index);
    }

    private static Object entryPart(Map.Entry<?, ?> entry, Object name, String filename, int line) {
        return switch (String.valueOf(name)) {
            case "key" -> entry.getKey();
            case "value" -> entry.getValue();
            default -> throw missing("a map entry has only \"key\" and \"value\", not \"" + name + "\"",
                    name, filename, line);
        };
    }

    private static Object loopVariable(ForNode.LoopVariables loop, Object name, String filename, int line) {
        return switch (String.valueOf(name)) {
            case "index" -> (long) loop.getIndex();
            case "first" -> loop.isFirst();
            case "last" -> loop.isLast();
            case LENGTH -> loop.getLength().longValue();
            case "revindex" -> loop.getRevindex().longValue();
            default -> throw missing("loop has no attribute \"" + name
                    + "\", only index, revindex, first, last and length", name, filename, line);
        };
    }

    private static String kind(Object instance) {
        return switch (instance) {
            case String ignored -> "string";
            case Number ignored -> "number";
            case Boolean ignored -> "boolean";
            default -> "Java object";
        };
    }

    private static AttributeNotFoundException missing(String message, Object name, String filename, int line) {
        return new AttributeNotFoundException(null, message, String.valueOf(name), line, filename);
    }

    private static PebbleException refused(String message, String filename, int line) {
        return new PebbleException(null, message, line, filename);
    }
}
