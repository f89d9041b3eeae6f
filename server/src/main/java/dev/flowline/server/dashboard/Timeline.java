package dev.flowline.server.dashboard;

import dev.flowline.execution.ActionRecord;
import dev.flowline.execution.AttemptRecord;
import dev.flowline.execution.ExecutionRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Gantt chart of one execution: the condition phase, then one row per action with a bar per attempt, placed
 * on a shared time axis from the execution's start to its end (or to now while it runs). Positions are in
 * thousandths of the axis, for an SVG with {@code viewBox="0 0 1000 …"}. Immutable.
 *
 * @param totalMs the axis length
 * @param rows    the rows, conditions first, then actions in definition order
 * @param ticks   axis labels at 0, 25, 50, 75 and 100 %
 */
record Timeline(long totalMs, List<Row> rows, List<Tick> ticks) {

    /** Narrowest bar drawn, so an instant attempt stays visible. */
    static final double MIN_WIDTH = 3;

    /**
     * One bar: an attempt (or the condition phase).
     *
     * @param x        start, 0..1000
     * @param width    length, 0..1000
     * @param outcome  {@code ok} or {@code failed}
     * @param label    tooltip text
     */
    record Bar(double x, double width, String outcome, String label) {
    }

    /**
     * One row.
     *
     * @param id       the action id ({@code conditions} for the condition phase)
     * @param type     the action type
     * @param status   succeeded, failed, skipped, running
     * @param duration the action's duration, formatted
     * @param bars     one per attempt
     */
    record Row(String id, String type, String status, String duration, List<Bar> bars) {
    }

    /** An axis label at {@code x} (0..1000). */
    record Tick(double x, String label) {
    }

    static Timeline of(ExecutionRecord r, Instant now) {
        Instant start = r.startedAt();
        Instant end = r.finishedAt() != null ? r.finishedAt() : now;
        for (ActionRecord a : r.actions()) {
            if (a.finishedAt() != null && a.finishedAt().isAfter(end)) {
                end = a.finishedAt();
            }
        }
        long total = Math.max(1, Duration.between(start, end).toMillis());
        List<Row> rows = new ArrayList<>();
        double conditionsMs = r.conditionTimeUs() / 1000.0;
        rows.add(new Row("conditions", "conditions", "succeeded", Formats.micros(r.conditionTimeUs()),
                List.of(bar(0, conditionsMs, total, "ok", "conditions: " + Formats.micros(r.conditionTimeUs())))));
        for (ActionRecord a : r.actions()) {
            List<Bar> bars = new ArrayList<>();
            for (AttemptRecord at : a.attempts()) {
                double offset = Duration.between(start, at.startedAt()).toNanos() / 1e6;
                bars.add(bar(offset, at.durationMs(), total, at.error() == null ? "ok" : "failed",
                        "attempt " + at.attempt() + ": " + Formats.millis(at.durationMs())
                                + (at.error() == null ? "" : " – " + at.error())));
            }
            String duration = a.startedAt() == null ? Formats.NONE : Formats.millis(a.durationMs());
            rows.add(new Row(a.id(), a.type(), a.status().jsonName(), duration, bars));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            ticks.add(new Tick(i * 250, Formats.millis(Math.round(total * i / 4.0))));
        }
        return new Timeline(total, rows, ticks);
    }

    private static Bar bar(double offsetMs, double durationMs, long totalMs, String outcome, String label) {
        double x = Math.max(0, Math.min(1000, offsetMs * 1000 / totalMs));
        double width = Math.max(MIN_WIDTH, Math.min(1000 - x, durationMs * 1000 / totalMs));
        return new Bar(round(Math.min(x, 1000 - MIN_WIDTH)), round(width), outcome, label);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
