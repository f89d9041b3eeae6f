package dev.flowline.notification;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Keeps the most recent notifications in memory (bounded). Thread-safe. */
public final class InMemoryNotificationSink implements NotificationSink {

    private final int capacity;
    private final Deque<Notification> recent = new ArrayDeque<>();
    private long delivered;

    public InMemoryNotificationSink(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void deliver(Notification notification) {
        if (recent.size() == capacity) {
            recent.removeFirst();
        }
        recent.addLast(notification);
        delivered++;
    }

    /** The kept notifications, oldest first. */
    public synchronized List<Notification> recent() {
        return new ArrayList<>(recent);
    }

    /** How many were delivered in all (including ones no longer kept). */
    public synchronized long delivered() {
        return delivered;
    }
}
