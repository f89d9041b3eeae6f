package dev.flowline.json;

/** Builds JSON paths in the form used in error messages: {@code actions[2].dependencies[0]}. */
public final class Paths {

    private Paths() {
    }

    public static String field(String parent, String name) {
        return parent == null || parent.isEmpty() ? name : parent + "." + name;
    }

    public static String index(String parent, int index) {
        return (parent == null ? "" : parent) + "[" + index + "]";
    }
}
