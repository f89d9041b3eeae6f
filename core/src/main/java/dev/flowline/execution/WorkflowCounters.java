package dev.flowline.execution;

import java.util.concurrent.atomic.LongAdder;

/**
 * Matching counters of one workflow since the engine started: how often its trigger fired (and its conditions were
 * evaluated), and how often the conditions held or rejected the event. Cheap enough to keep always on. Thread-safe.
 */
public final class WorkflowCounters {

    private final LongAdder triggered = new LongAdder();
    private final LongAdder passed = new LongAdder();
    private final LongAdder rejected = new LongAdder();

    void record(boolean conditionsHeld) {
        triggered.increment();
        (conditionsHeld ? passed : rejected).increment();
    }

    /** Events whose trigger fired for this workflow (its conditions were evaluated). */
    public long triggered() {
        return triggered.sum();
    }

    /** Events whose conditions held (an execution ran). */
    public long passed() {
        return passed.sum();
    }

    /** Events the trigger matched but the conditions rejected (or could not evaluate). */
    public long rejected() {
        return rejected.sum();
    }

    /** passed / triggered, or null before the first event. */
    public Double passRate() {
        long t = triggered();
        return t == 0 ? null : (double) passed() / t;
    }
}
