package dev.flowline.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@link PendingNotifications} in memory, delivering digests to a {@link NotificationSink}: for an embedded engine.
 * Waiting items are lost when the process ends; every item id is remembered for its life. Thread-safe.
 */
public final class InMemoryPendingNotifications implements PendingNotifications {

    private final NotificationSink sink;
    private final Map<String, List<PendingNotification>> waiting = new LinkedHashMap<>();
    private final Set<String> seen = new HashSet<>();

    /** @param sink where digests go */
    public InMemoryPendingNotifications(NotificationSink sink) {
        this.sink = sink;
    }

    @Override
    public synchronized void add(List<PendingNotification> items) {
        for (PendingNotification item : items) {
            if (seen.add(item.id())) {
                waiting.computeIfAbsent(item.recipient(), r -> new ArrayList<>()).add(item);
            }
        }
    }

    @Override
    public synchronized boolean isDue(String recipient, Instant now) {
        List<PendingNotification> items = waiting.get(recipient);
        if (items == null || items.isEmpty()) {
            return false;
        }
        int size = Integer.MAX_VALUE;
        Instant by = Instant.MAX;
        for (PendingNotification p : items) {
            size = Math.min(size, p.batchSize());
            by = p.deliverBy().isBefore(by) ? p.deliverBy() : by;
        }
        return items.size() >= size || !by.isAfter(now);
    }

    @Override
    public synchronized List<String> dueRecipients(Instant now, int limit) {
        return waiting.keySet().stream().filter(r -> isDue(r, now)).limit(limit).toList();
    }

    @Override
    public Optional<Notification> flush(String recipient, int maxItems,
                                        Function<List<PendingNotification>, Notification> digest) {
        List<PendingNotification> taken;
        synchronized (this) {
            List<PendingNotification> items = waiting.get(recipient);
            if (items == null || items.isEmpty()) {
                return Optional.empty();
            }
            taken = new ArrayList<>(items.subList(0, Math.min(maxItems, items.size())));
            items.subList(0, taken.size()).clear();
            if (items.isEmpty()) {
                waiting.remove(recipient);
            }
        }
        Notification n = digest.apply(taken);
        try {
            sink.deliver(n);
        } catch (Exception e) {
            synchronized (this) { // not delivered: the items wait again, ahead of newer ones
                waiting.computeIfAbsent(recipient, r -> new ArrayList<>()).addAll(0, taken);
            }
            throw new IllegalStateException("cannot deliver the digest for " + recipient + ": " + e.getMessage(), e);
        }
        return Optional.of(n);
    }

    @Override
    public synchronized long pendingCount() {
        return waiting.values().stream().mapToLong(List::size).sum();
    }
}
