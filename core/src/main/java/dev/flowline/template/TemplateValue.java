package dev.flowline.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A JSON-like tree (maps, lists, strings, numbers, booleans, null) whose strings may be templates,
 * compiled once by {@link TemplateEngine#compileValue(Object, String)}.
 *
 * <p>{@link #render} builds a new tree in which every template string is replaced by what its
 * {@link CompiledTemplate#render} returns: {@code "{{ data.length }}"} becomes the number 3 and
 * {@code "n={{ x }}"} the string {@code "n=3"}. Parts without templates are kept as they are;
 * the engine stores them as unmodifiable copies and hands the same instance to every render.
 *
 * <p>Every implementation is immutable and thread-safe.
 */
public sealed interface TemplateValue {

    /** This value rendered against {@code context}; maps keep their key order. */
    Object render(Map<String, Object> context);

    /** The top-level context names read by the templates anywhere in this value. */
    Set<String> rootVariables();

    /** True when this value holds no template, so rendering always gives the same result. */
    boolean isConstant();

    /** A part without templates, rendered as {@code value} itself. */
    record Literal(Object value) implements TemplateValue {

        @Override
        public Object render(Map<String, Object> context) {
            return value;
        }

        @Override
        public Set<String> rootVariables() {
            return Set.of();
        }

        @Override
        public boolean isConstant() {
            return true;
        }
    }

    /** A string holding a template, found at JSON path {@code path}. */
    record Templated(String path, CompiledTemplate template) implements TemplateValue {

        public Templated {
            Objects.requireNonNull(template, "template");
        }

        @Override
        public Object render(Map<String, Object> context) {
            try {
                return template.render(context);
            } catch (TemplateRenderException e) {
                throw path == null || path.isEmpty() ? e : new TemplateRenderException(path + ": " + e.getMessage(), e);
            }
        }

        @Override
        public Set<String> rootVariables() {
            return template.rootVariables();
        }

        @Override
        public boolean isConstant() {
            return false;
        }
    }

    /** A map with at least one template below it; renders to a new {@link LinkedHashMap}. */
    record MapNode(Map<String, TemplateValue> entries) implements TemplateValue {

        public MapNode {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public Object render(Map<String, Object> context) {
            Map<String, Object> rendered = LinkedHashMap.newLinkedHashMap(entries.size());
            entries.forEach((key, value) -> rendered.put(key, value.render(context)));
            return rendered;
        }

        @Override
        public Set<String> rootVariables() {
            Set<String> names = new LinkedHashSet<>();
            entries.values().forEach(value -> names.addAll(value.rootVariables()));
            return Collections.unmodifiableSet(names);
        }

        @Override
        public boolean isConstant() {
            return entries.values().stream().allMatch(TemplateValue::isConstant);
        }
    }

    /** A list with at least one template below it; renders to a new {@link ArrayList}. */
    record ListNode(List<TemplateValue> items) implements TemplateValue {

        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public Object render(Map<String, Object> context) {
            List<Object> rendered = new ArrayList<>(items.size());
            for (TemplateValue item : items) {
                rendered.add(item.render(context));
            }
            return rendered;
        }

        @Override
        public Set<String> rootVariables() {
            Set<String> names = new LinkedHashSet<>();
            items.forEach(item -> names.addAll(item.rootVariables()));
            return Collections.unmodifiableSet(names);
        }

        @Override
        public boolean isConstant() {
            return items.stream().allMatch(TemplateValue::isConstant);
        }
    }
}
