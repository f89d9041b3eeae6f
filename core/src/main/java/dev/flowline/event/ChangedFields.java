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
 * and each of its parents ({@code customer}) are reported, so a trigger on either fires.
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
            }
        }
        for (String k : before.keySet()) {
            if (!after.containsKey(k)) {
                out.add(prefix + k);
            }
        }
    }
}
