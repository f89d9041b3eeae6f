package dev.flowline.bench.e2e;

import dev.flowline.bench.Report;

/** The human-readable part of the end-to-end report. Stateless and thread-safe. */
final class Narrative {

    private Narrative() {
    }

    static void flowline(Report r, PhaseResult day, PhaseResult sustained, String store) {
        r.line("");
        r.line("e2e: the case study through the durable path (store %s, group commit, dispatcher, engine, e-mail "
                + "outbox)", store);
        r.line("  day, flat out: %,d orders, %,d events accepted in %.1f s (%,.0f events/s)", day.orders(), day.events(),
                day.acceptSeconds(), day.eventsPerSecond());
        r.line("                 %,d executions (%d failed) finished in %.1f s: %,.0f executions/s",
                day.executions(), day.failed(), day.seconds(), day.executionsPerSecond());
        r.line("                 latency while saturated p50 %.0f ms, p99 %.0f ms; conditions %.1f%% of execution time",
                day.p50Ms(), day.p99Ms(), day.conditionShare() * 100);
        r.line("                 CPU %.0f s (%.1f of %d cores busy), peak heap %.0f MiB of %.0f MiB",
                day.cpuSeconds(), day.cpuSeconds() / day.seconds(), Runtime.getRuntime().availableProcessors(),
                day.peakHeapMib(), HeapSampler.maxHeapMib());
        r.line("                 mean time per action type (ms): %s", day.actionMs());
        r.line("  sustained %,.0f events/s: %,d executions, trigger-to-completion p50 %.1f ms, p95 %.1f ms, p99 %.1f ms",
                sustained.offeredRate(), sustained.executions(), sustained.p50Ms(), sustained.p95Ms(), sustained.p99Ms());
    }

    static void baseline(Report r, PhaseResult day, PhaseResult bDay, PhaseResult bSustained) {
        r.line("  naive baseline (no trigger index, written-order conditions, sequential actions, a commit per event "
                + "and per write, templates compiled per render):");
        r.line("                 %,d orders: %,.0f executions/s (%,.0f events/s accepted) -> Flowline %.1fx",
                bDay.orders(), bDay.executionsPerSecond(), bDay.eventsPerSecond(),
                day.executionsPerSecond() / bDay.executionsPerSecond());
        r.line("                 sustained %,.0f events/s: p50 %.1f ms, p99 %.1f ms", bSustained.offeredRate(),
                bSustained.p50Ms(), bSustained.p99Ms());
    }
}
