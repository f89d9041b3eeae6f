package dev.flowline.event;

import dev.flowline.value.Values;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Derives the set of changed fields of an event.
 *
 * <p>A field changed when its value differs between {@code previous} and {@code data}, or it is present on
 * one side only. Nested objects are compared field by field, and both the nested path ({@code customer.vip})
 * and each of its parents ({@code customer}) are reported, so a trigger on either fires. A nested field whose
 * parent object appears, disappears or replaces a non-object value is present on one side only, so it counts too.
 * Lists are compared as whole values.
 */
public final class ChangedFields {

    private ChangedFields() {
    }

    /** Fields that differ between the two states. */
    public static Set<String> derive(Map<String, Object> previous, Map<String, Object> data) {
        Set<String> out = new HashSet<>();
        diff("", previous, data, out);
        return Set.copyOf(out);
    }

    /** The given fields plus every parent of a dotted one ({@code a.b.c} adds {@code a.b} and {@code a}). */
    public static Set<String> withParents(Set<String> fields) {
        Set<String> out = new HashSet<>(fields);
        for (String f : fields) {
            int dot = f.lastIndexOf('.');
            while (dot > 0) {
                f = f.substring(0, dot);
                out.add(f);
                dot = f.lastIndexOf('.');
            }
        }
        return Set.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    private static void diff(String prefix, Map<String, Object> before, Map<String, Object> after, Set<String> out) {
        for (Map.Entry<String, Object> e : after.entrySet()) {
            String key = prefix + e.getKey();
            if (!before.containsKey(e.getKey())) {
                out.add(key);
                addNested(key, e.getValue(), out);
                continue;
            }
            Object old = before.get(e.getKey());
            Object now = e.getValue();
            if (old instanceof Map<?, ?> om && now instanceof Map<?, ?> nm) {
                int size = out.size();
                diff(key + ".", (Map<String, Object>) om, (Map<String, Object>) nm, out);
                if (out.size() > size) {
                    out.add(key);
                }
            } else if (!Values.equal(old, now)) {
                out.add(key);
                // a nested field under a map that appeared or disappeared is present on one side only
                addNested(key, old, out);
                addNested(key, now, out);
            }
        }
        for (Map.Entry<String, Object> e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                out.add(prefix + e.getKey());
                addNested(prefix + e.getKey(), e.getValue(), out);
            }
        }
    }

    /** Adds every nested field path below {@code value} when it is a map ({@code key.a}, {@code key.a.b}, ...). */
    private static void addNested(String key, Object value, Set<String> out) {
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String nested = key + "." + e.getKey();
                out.add(nested);
                addNested(nested, e.getValue(), out);
            }
        }
    }
}
