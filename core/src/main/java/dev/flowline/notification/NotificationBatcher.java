package dev.flowline.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Batches notifications per recipient, as the guide's "Notification Batching" does: {@code high} priority is
 * delivered at once; {@code normal} waits in {@link PendingNotifications} and goes out in one digest per recipient
 * when {@code batchSize} items wait or {@code maxDelay} has passed since the oldest of them (each item keeps its own
 * workflow's settings, else these defaults).
 *
 * <p>{@link #start()} flushes what is already due (e.g. batches that waited through a restart) and then checks every
 * {@code tickInterval}; {@link #flushDue()} does one check at once (tests with a settable clock call it).
 * Every delivered notification and digest is also handed to the {@code onDelivered} listener (e.g. a
 * {@link ChannelWebhook}). Thread-safe.
 */
public final class NotificationBatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationBatcher.class);

    /**
     * What happened to a submitted notification.
     *
     * @param status    {@code delivered} (high priority), {@code queued_for_digest}, or {@code delivered_in_digest}
     *                  (its batch was full and went out at once)
     * @param batchSize the batch size applied (0 for high priority)
     * @param deliverBy the latest its digest goes out, or null for high priority
     */
    public record Outcome(String status, int batchSize, Instant deliverBy) {
    }

    private final PendingNotifications pending;
    private final NotificationSink sink;
    private final Consumer<Notification> onDelivered;
    private final int batchSize;
    private final Duration maxDelay;
    private final Clock clock;
    private final Duration tickInterval;
    private final int maxDigestParts;
    private Thread ticker;
    private volatile boolean closed;

    private NotificationBatcher(Builder b) {
        this.pending = b.pending;
        this.sink = b.sink;
        this.onDelivered = b.onDelivered;
        this.batchSize = b.batchSize;
        this.maxDelay = b.maxDelay;
        this.clock = b.clock;
        this.tickInterval = b.tickInterval;
        this.maxDigestParts = b.maxDigestParts;
    }

    /**
     * Starts configuring a batcher.
     *
     * @param pending where normal notifications wait
     * @param sink    where high priority ones are delivered (digests are delivered by {@code pending})
     */
    public static Builder builder(PendingNotifications pending, NotificationSink sink) {
        return new Builder(pending, sink);
    }

    /**
     * Delivers or queues a notification.
     *
     * @param batchSizeOverride  the workflow's {@code notification_batch_size}, or null for the default
     * @param maxDelayMsOverride the workflow's {@code notification_max_delay_ms}, or null for the default
     */
    public Outcome submit(Notification n, Integer batchSizeOverride, Long maxDelayMsOverride) throws Exception {
        if ("high".equals(n.priority())) {
            sink.deliver(n);
            delivered(n);
            return new Outcome("delivered", 0, null);
        }
        int size = batchSizeOverride == null ? batchSize : batchSizeOverride;
        Instant now = clock.instant();
        Instant by = now.plus(maxDelayMsOverride == null ? maxDelay : Duration.ofMillis(maxDelayMsOverride));
        List<PendingNotification> items = new ArrayList<>();
        for (String recipient : new LinkedHashSet<>(n.recipients())) {
            items.add(new PendingNotification(n.id(), recipient, n.executionId(), n.workflowId(), n.title(), n.body(),
                    n.createdAt(), size, by));
        }
        pending.add(items);
        boolean allDelivered = true;
        for (PendingNotification item : items) {
            if (pending.isDue(item.recipient(), now)) {
                flush(item.recipient());
            } else {
                allDelivered = false;
            }
        }
        return new Outcome(allDelivered ? "delivered_in_digest" : "queued_for_digest", size, by);
    }

    /** Delivers every recipient's batch that is due now; returns how many digests went out. */
    public int flushDue() {
        int delivered = 0;
        while (true) {
            List<String> due = pending.dueRecipients(clock.instant(), 100);
            int before = delivered;
            for (String recipient : due) {
                delivered += flush(recipient).isPresent() ? 1 : 0;
            }
            if (due.size() < 100 || delivered == before) {
                return delivered;
            }
        }
    }

    private Optional<Notification> flush(String recipient) {
        Optional<Notification> digest = pending.flush(recipient, maxDigestParts,
                items -> Digests.of(recipient, items, clock.instant()));
        digest.ifPresent(this::delivered);
        return digest;
    }

    private void delivered(Notification n) {
        try {
            onDelivered.accept(n);
        } catch (RuntimeException e) {
            LOG.warn("notification listener failed for {}", n.id(), e);
        }
    }

    /** Flushes what is due now, then keeps checking every tick on a thread of its own. */
    public synchronized NotificationBatcher start() {
        if (ticker == null) {
            flushDue();
            ticker = Thread.ofVirtual().name("flowline-notification-digests").start(this::tick);
        }
        return this;
    }

    private void tick() {
        while (!closed) {
            try {
                Thread.sleep(tickInterval);
                flushDue();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("delivering notification digests failed; trying again in {}", tickInterval, e);
            }
        }
    }

    /** Notifications waiting for a digest. */
    public long pendingCount() {
        return pending.pendingCount();
    }

    /** Stops checking; waiting notifications stay where they wait (durably, with a store). */
    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = ticker;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Configures a {@link NotificationBatcher}; every setting has a documented default. Not thread-safe. */
    public static final class Builder {
        private final PendingNotifications pending;
        private final NotificationSink sink;
        private Consumer<Notification> onDelivered = n -> { };
        private int batchSize = 20;
        private Duration maxDelay = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();
        private Duration tickInterval = Duration.ofSeconds(1);
        private int maxDigestParts = 1000;

        private Builder(PendingNotifications pending, NotificationSink sink) {
            this.pending = Objects.requireNonNull(pending, "pending");
            this.sink = Objects.requireNonNull(sink, "sink");
        }

        /** Items per recipient that make a digest go out, for workflows that do not set it (default 20). */
        public Builder batchSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, was " + size);
            }
            this.batchSize = size;
            return this;
        }

        /** Longest an item waits for its digest, for workflows that do not set it (default 60 s). */
        public Builder maxDelay(Duration delay) {
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("maxDelay must be zero or positive, was " + delay);
            }
            this.maxDelay = delay;
            return this;
        }

        /** Told about every delivered notification and digest (default: nobody). */
        public Builder onDelivered(Consumer<Notification> listener) {
            this.onDelivered = Objects.requireNonNull(listener, "onDelivered");
            return this;
        }

        /** Time source for delays (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How often {@link #start()}ed batchers look for due digests (default 1 s). */
        public Builder tickInterval(Duration interval) {
            if (interval == null || interval.isZero() || interval.isNegative()) {
                throw new IllegalArgumentException("tickInterval must be positive, was " + interval);
            }
            this.tickInterval = interval;
            return this;
        }

        /** Most notifications in one digest; more waiting go out in further digests (default 1,000). */
        public Builder maxDigestParts(int parts) {
            if (parts < 1) {
                throw new IllegalArgumentException("maxDigestParts must be at least 1, was " + parts);
            }
            this.maxDigestParts = parts;
            return this;
        }

        public NotificationBatcher build() {
            return new NotificationBatcher(this);
        }
    }
}
