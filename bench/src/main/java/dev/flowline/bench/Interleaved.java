package dev.flowline.bench;

import java.util.function.IntUnaryOperator;

/**
 * Runs several variants of the same work in turn, each for a fixed time per round, cycling through the same inputs,
 * so that every variant sees the same machine conditions (other load, JIT, GC) within seconds of the others: the
 * comparison is side by side, never against a number from another run. Not thread-safe.
 */
public final class Interleaved {

    private final int inputs;
    private final long roundNanos;
    private final long[] totalOps;
    private final long[] totalNanos;
    private final double[] last;
    private final int[] next;
    /** Sink for the variants' results, so the JIT cannot drop the work. */
    private long blackhole;

    /**
     * @param variants   how many variants take turns
     * @param inputs     inputs each variant cycles through (indexes 0 to inputs - 1)
     * @param roundNanos time each variant gets per round
     */
    public Interleaved(int variants, int inputs, long roundNanos) {
        this.inputs = inputs;
        this.roundNanos = roundNanos;
        this.totalOps = new long[variants];
        this.totalNanos = new long[variants];
        this.last = new double[variants];
        this.next = new int[variants];
    }

    /** One round: each variant in turn; {@code count} false for warm-up rounds. */
    public void round(boolean count, IntUnaryOperator... variants) {
        for (int v = 0; v < variants.length; v++) {
            long start = System.nanoTime();
            long done = 0;
            long now;
            do {
                // check the clock every 16 operations: cheap next to one, precise enough for a round of a second
                for (int k = 0; k < 16; k++) {
                    blackhole += variants[v].applyAsInt(next[v]);
                    next[v] = next[v] + 1 == inputs ? 0 : next[v] + 1;
                }
                done += 16;
                now = System.nanoTime();
            } while (now - start < roundNanos);
            last[v] = done * 1e9 / (now - start);
            if (count) {
                totalOps[v] += done;
                totalNanos[v] += now - start;
            }
        }
    }

    /** Operations per second of a variant in the last round. */
    public double lastRate(int variant) {
        return last[variant];
    }

    /** Operations per second of a variant over all counted rounds. */
    public double rate(int variant) {
        return totalOps[variant] * 1e9 / totalNanos[variant];
    }

    /** Operations a variant did over all counted rounds. */
    public long ops(int variant) {
        return totalOps[variant];
    }

    public long blackhole() {
        return blackhole;
    }
}
