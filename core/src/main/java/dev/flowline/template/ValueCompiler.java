package dev.flowline.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Compiles a raw JSON-like tree into a {@link TemplateValue}, naming each string by its JSON path.
 *
 * <p>A subtree without templates becomes one {@link TemplateValue.Literal} holding an unmodifiable
 * copy, so rendering does not rebuild it. Paths use {@code .name} for plain keys, {@code ["key"]}
 * for other keys and {@code [i]} for list items. Thread-safe as long as the engine is.
 */
final class ValueCompiler {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final TemplateEngine engine;

    ValueCompiler(TemplateEngine engine) {
        this.engine = engine;
    }

    TemplateValue compile(Object raw, String path) {
        return switch (raw) {
            case null -> new TemplateValue.Literal(null);
            case String text when TemplateEngine.isTemplate(text) -> new TemplateValue.Templated(path, template(text, path));
            case String text -> new TemplateValue.Literal(text);
            case Number number -> new TemplateValue.Literal(number);
            case Boolean flag -> new TemplateValue.Literal(flag);
            case Map<?, ?> map -> map(map, path);
            case List<?> list -> list(list, path);
            default -> throw new TemplateException(located(path, "a " + raw.getClass().getName()
                    + " is not a JSON value; expected a map, list, string, number, boolean or null"), path, -1);
        };
    }

    private CompiledTemplate template(String text, String path) {
        try {
            return engine.compile(text);
        } catch (TemplateException e) {
            throw e.at(path);
        }
    }

    private TemplateValue map(Map<?, ?> map, String path) {
        Map<String, TemplateValue> entries = LinkedHashMap.newLinkedHashMap(map.size());
        boolean constant = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            TemplateValue value = compile(entry.getValue(), keyPath(path, key));
            entries.put(key, value);
            constant &= value.isConstant();
        }
        if (!constant) {
            return new TemplateValue.MapNode(entries);
        }
        Map<String, Object> literal = LinkedHashMap.newLinkedHashMap(entries.size());
        entries.forEach((key, value) -> literal.put(key, ((TemplateValue.Literal) value).value()));
        return new TemplateValue.Literal(Collections.unmodifiableMap(literal));
    }

    private TemplateValue list(List<?> list, String path) {
        List<TemplateValue> items = new ArrayList<>(list.size());
        boolean constant = true;
        for (int i = 0; i < list.size(); i++) {
            TemplateValue item = compile(list.get(i), itemPath(path, i));
            items.add(item);
            constant &= item.isConstant();
        }
        if (!constant) {
            return new TemplateValue.ListNode(items);
        }
        List<Object> literal = new ArrayList<>(items.size());
        items.forEach(item -> literal.add(((TemplateValue.Literal) item).value()));
        return new TemplateValue.Literal(Collections.unmodifiableList(literal));
    }

    static String keyPath(String path, String key) {
        String parent = path == null ? "" : path;
        if (!PLAIN_KEY.matcher(key).matches()) {
            return parent + "[\"" + key.replace("\"", "\\\"") + "\"]";
        }
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String itemPath(String path, int index) {
        return (path == null ? "" : path) + "[" + index + "]";
    }

    private static String located(String path, String message) {
        return path == null || path.isEmpty() ? message : path + ": " + message;
    }
}
