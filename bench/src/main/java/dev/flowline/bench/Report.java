package dev.flowline.bench;

import dev.flowline.json.Json;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a benchmark prints: progress lines while it runs, a human-readable report, and finally exactly one JSON line
 * holding its figures (the last line of stdout, so scripts can take it with {@code tail -1}). Not thread-safe: one
 * benchmark, one report.
 */
public final class Report {

    private final PrintStream out;
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final long started = System.nanoTime();

    public Report(PrintStream out, String benchmark) {
        this.out = out;
        json.put("benchmark", benchmark);
    }

    /** A progress line, prefixed with the seconds since the benchmark started. */
    public void progress(String format, Object... args) {
        out.printf(Locale.ROOT, "[%6.1fs] %s%n", (System.nanoTime() - started) / 1e9, String.format(Locale.ROOT, format, args));
        out.flush();
    }

    /** A line of the human-readable report. */
    public void line(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
    }

    /** Sets a figure of the JSON line (insertion order is kept). */
    public Report put(String key, Object value) {
        // JSON has no NaN or infinity: a figure that could not be measured is null
        json.put(key, value instanceof Double d ? (Double.isFinite(d) ? round(d) : null) : value);
        return this;
    }

    /** Prints the machine and the JSON line; call once, last. */
    public void finish() {
        json.put("machine", Machine.describe());
        out.println(Json.write(json));
        out.flush();
    }

    /** Rounds to 3 significant decimals for the JSON line (figures are noisy beyond that). */
    public static double round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        double scale = Math.abs(v) >= 100 ? 1 : Math.abs(v) >= 1 ? 100 : 10_000;
        return Math.round(v * scale) / scale;
    }
}
