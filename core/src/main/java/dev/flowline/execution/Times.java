package dev.flowline.execution;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formats instants the way every Flowline JSON does: ISO-8601 UTC with milliseconds. */
public final class Times {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String iso(Instant t) {
        return t == null ? null : ISO_MILLIS.format(t);
    }
}
