package dev.flowline.event;

import java.util.Locale;

/** What happened to an entity. */
public enum Operation {
    CREATE, UPDATE, DELETE;

    /** The lower-case name used in JSON. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a JSON name ({@code create}, {@code update}, {@code delete}); null when unknown. */
    public static Operation fromJson(String name) {
        return switch (name) {
            case "create" -> CREATE;
            case "update" -> UPDATE;
            case "delete" -> DELETE;
            default -> null;
        };
    }
}
