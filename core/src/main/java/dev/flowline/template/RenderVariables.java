package dev.flowline.template;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The variables of one render: the caller's map, read-only, under the names the template assigns
 * with {@code {% set %}}.
 *
 * <p>Pebble's {@code set} writes into the scope that already holds a name, which would be the
 * caller's map (and fail on an immutable one); here such writes land in a private overlay instead.
 * The overlay is created on the first write, so read-only renders allocate nothing more. One
 * instance per render; not thread-safe, and never shared.
 */
final class RenderVariables extends AbstractMap<String, Object> {

    private final Map<String, Object> given;
    private Map<String, Object> assigned;

    RenderVariables(Map<String, Object> given) {
        this.given = given == null ? Map.of() : given;
    }

    @Override
    public Object get(Object name) {
        if (assigned != null && assigned.containsKey(name)) {
            return assigned.get(name);
        }
        return name == null ? null : given.get(name);
    }

    @Override
    public boolean containsKey(Object name) {
        return (assigned != null && assigned.containsKey(name)) || (name != null && given.containsKey(name));
    }

    @Override
    public Object put(String name, Object value) {
        if (assigned == null) {
            assigned = new HashMap<>();
        }
        Object previous = get(name);
        assigned.put(name, value);
        return previous;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> merged = new LinkedHashMap<>(given);
        if (assigned != null) {
            merged.putAll(assigned);
        }
        return Collections.unmodifiableMap(merged).entrySet();
    }
}
