package dev.flowline.bench.match;

import java.util.function.IntUnaryOperator;

/**
 * Runs several matchers in turn, each for a fixed time per round, cycling through the same events, so that every
 * matcher sees the same machine conditions (other load, JIT, GC) within a few seconds of the others. Not thread-safe.
 */
final class Interleaved {

    private final int events;
    private final long roundNanos;
    private final long[] totalEvents = new long[3];
    private final long[] totalNanos = new long[3];
    private final double[] last = new double[3];
    private final int[] next = new int[3];
    /** Sink for the matchers' results, so the JIT cannot drop the work. */
    private long blackhole;

    Interleaved(int events, long roundNanos) {
        this.events = events;
        this.roundNanos = roundNanos;
    }

    void round(IntUnaryOperator a, IntUnaryOperator b, IntUnaryOperator c, boolean count) {
        IntUnaryOperator[] matchers = {a, b, c};
        for (int m = 0; m < 3; m++) {
            long start = System.nanoTime();
            long done = 0;
            long now;
            do {
                // check the clock every 64 events: cheap next to a match, precise enough for a 1 s round
                for (int k = 0; k < 64; k++) {
                    blackhole += matchers[m].applyAsInt(next[m]);
                    next[m] = next[m] + 1 == events ? 0 : next[m] + 1;
                }
                done += 64;
                now = System.nanoTime();
            } while (now - start < roundNanos);
            last[m] = done * 1e9 / (now - start);
            if (count) {
                totalEvents[m] += done;
                totalNanos[m] += now - start;
            }
        }
    }

    double lastRate(int matcher) {
        return last[matcher];
    }

    double rate(int matcher) {
        return totalEvents[matcher] * 1e9 / totalNanos[matcher];
    }

    long blackhole() {
        return blackhole;
    }
}
