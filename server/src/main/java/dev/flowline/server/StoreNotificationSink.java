package dev.flowline.server;

import dev.flowline.notification.Notification;
import dev.flowline.notification.NotificationSink;
import dev.flowline.store.Store;

/** Keeps notifications durably in the store, readable per recipient through the API. Thread-safe. */
final class StoreNotificationSink implements NotificationSink {

    private final Store store;

    StoreNotificationSink(Store store) {
        this.store = store;
    }

    @Override
    public void deliver(Notification notification) {
        store.saveNotification(notification);
    }
}
