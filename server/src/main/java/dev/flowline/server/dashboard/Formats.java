package dev.flowline.server.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.flowline.json.Json;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the dashboard prints numbers, durations, times and JSON. Stateless and thread-safe. */
final class Formats {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    static final String NONE = "–";

    private Formats() {
    }

    /** {@code 8 ms}, {@code 1.25 s}, {@code 3 min 4 s}; a dash for null. */
    static String millis(Number ms) {
        if (ms == null) {
            return NONE;
        }
        double v = ms.doubleValue();
        if (v < 1000) {
            return v == Math.rint(v) ? (long) v + " ms" : String.format(Locale.ROOT, "%.1f ms", v);
        }
        if (v < 60_000) {
            return String.format(Locale.ROOT, "%.2f s", v / 1000);
        }
        long s = Math.round(v / 1000);
        return s / 60 + " min " + s % 60 + " s";
    }

    /** Microseconds: {@code 146 µs}, {@code 1.4 ms}. */
    static String micros(long us) {
        return us < 1000 ? us + " µs" : String.format(Locale.ROOT, "%.1f ms", us / 1000.0);
    }

    /** A ratio as a percentage with one decimal; a dash for null. */
    static String percent(Double ratio) {
        return ratio == null ? NONE : String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    /** UTC, with milliseconds; a dash for null. */
    static String time(Instant t) {
        return t == null ? NONE : TIME.format(t) + " UTC";
    }

    /** Indented JSON for display. */
    static String prettyJson(Object value) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Json.plain(value));
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    /** One-line JSON for table cells; a dash for an absent value. */
    static String compactJson(Object value, boolean present) {
        return present ? Json.write(Json.plain(value)) : NONE;
    }

    /** A value as one URL path segment ({@code a b/c} becomes {@code a%20b%2Fc}). */
    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A value as a query parameter value. */
    static String param(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
