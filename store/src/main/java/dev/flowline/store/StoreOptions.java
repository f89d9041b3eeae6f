package dev.flowline.store;

import java.time.Clock;
import java.util.Objects;

/**
 * Settings of a {@link JdbcStore}; build one with {@link #builder()}. Immutable.
 *
 * @param fsyncOnCommit  force every commit to disk with the dialect's sync statement (H2: {@code CHECKPOINT SYNC}),
 *                       so acknowledged events also survive an OS crash or power loss; default false
 * @param queueCapacity  most {@code accept} calls waiting for a commit before new ones fail with
 *                       {@link StoreBusyException}; default 4096
 * @param maxBatchEvents most events one group commit takes (a larger single call is still written whole);
 *                       default 1000
 * @param maxBatchWrites most journal writes (execution started, action finished, execution finished), processed
 *                       marks and notifications one shared transaction takes; every caller still returns only once
 *                       its write is committed. 1 commits each write alone; default 1000
 * @param poolSize       connections in the pool the store creates itself ({@code h2}, {@code postgres}); default 8
 * @param clock          the time stamped on accepted events and saved workflow versions; default UTC system clock
 */
public record StoreOptions(boolean fsyncOnCommit, int queueCapacity, int maxBatchEvents, int maxBatchWrites, int poolSize,
                           Clock clock) {

    public StoreOptions {
        Objects.requireNonNull(clock, "clock");
        positive("queueCapacity", queueCapacity);
        positive("maxBatchEvents", maxBatchEvents);
        positive("maxBatchWrites", maxBatchWrites);
        positive("poolSize", poolSize);
    }

    /** Every setting at its default. */
    public static StoreOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }

    /** Builds {@link StoreOptions}; starts at the defaults. Not thread-safe. */
    public static final class Builder {
        private boolean fsyncOnCommit;
        private int queueCapacity = 4096;
        private int maxBatchEvents = 1000;
        private int maxBatchWrites = 1000;
        private int poolSize = 8;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder fsyncOnCommit(boolean fsyncOnCommit) {
            this.fsyncOnCommit = fsyncOnCommit;
            return this;
        }

        public Builder queueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
            return this;
        }

        public Builder maxBatchEvents(int maxBatchEvents) {
            this.maxBatchEvents = maxBatchEvents;
            return this;
        }

        public Builder maxBatchWrites(int maxBatchWrites) {
            this.maxBatchWrites = maxBatchWrites;
            return this;
        }

        public Builder poolSize(int poolSize) {
            this.poolSize = poolSize;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The options; throws {@link IllegalArgumentException} naming a setting out of range. */
        public StoreOptions build() {
            return new StoreOptions(fsyncOnCommit, queueCapacity, maxBatchEvents, maxBatchWrites, poolSize, clock);
        }
    }
}
