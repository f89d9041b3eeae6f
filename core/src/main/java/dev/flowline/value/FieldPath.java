package dev.flowline.value;

import java.util.List;
import java.util.Map;

/**
 * A dotted path into entity data ({@code customer.vip}), split once when a definition is loaded.
 *
 * <p>A segment that is a number also indexes into lists ({@code lines.0.sku}). Immutable.
 *
 * @param path     the path as written
 * @param segments the path split on dots
 */
public record FieldPath(String path, List<String> segments) {

    /** Marker for a field that is not there at all (different from a field that is JSON null). */
    public static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "<absent>";
        }
    };

    public FieldPath {
        segments = List.copyOf(segments);
    }

    /** Parses a dotted path. */
    public static FieldPath of(String path) {
        return new FieldPath(path, List.of(path.split("\\.", -1)));
    }

    /** The value at this path, or {@link #ABSENT} when some segment is missing. */
    public Object read(Map<String, Object> root) {
        Object current = root;
        for (String segment : segments) {
            if (current instanceof Map<?, ?> map) {
                if (!map.containsKey(segment)) {
                    return ABSENT;
                }
                current = map.get(segment);
            } else if (current instanceof List<?> list) {
                int index = index(segment);
                if (index < 0 || index >= list.size()) {
                    return ABSENT;
                }
                current = list.get(index);
            } else {
                return ABSENT;
            }
        }
        return current;
    }

    private static int index(String segment) {
        if (segment.isEmpty() || segment.length() > 9) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    @Override
    public String toString() {
        return path;
    }
}
