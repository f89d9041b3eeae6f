package dev.flowline.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where normal-priority notifications wait for their recipient's digest: {@link InMemoryPendingNotifications} for an
 * embedded engine, a table of the store for the service (so nothing waiting is lost in a restart).
 *
 * <p>A recipient's batch is <em>due</em> when as many items wait as the smallest {@code batchSize} among them, or
 * when the earliest {@code deliverBy} among them has come. Implementations must be thread-safe, and {@link #flush}
 * atomic: each item ends up in exactly one digest, even with several flushing threads or nodes.
 */
public interface PendingNotifications {

    /**
     * Adds items to their recipients' batches. An item whose {@link PendingNotification#id()} was added before
     * (waiting or already delivered in a digest) is ignored, so a retried action does not notify twice.
     */
    void add(List<PendingNotification> items);

    /** Whether this recipient's batch is due at {@code now}. */
    boolean isDue(String recipient, Instant now);

    /** Recipients whose batch is due at {@code now}, at most {@code limit}. */
    List<String> dueRecipients(Instant now, int limit);

    /**
     * Takes up to {@code maxItems} of the recipient's waiting items (oldest first), turns them into one notification
     * with {@code digest} and delivers it durably, all in one step. Empty when nothing was waiting (another flush
     * took it).
     */
    Optional<Notification> flush(String recipient, int maxItems, Function<List<PendingNotification>, Notification> digest);

    /** Items waiting, over all recipients. */
    long pendingCount();
}
