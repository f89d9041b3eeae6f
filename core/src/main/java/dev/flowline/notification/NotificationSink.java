package dev.flowline.notification;

/** Receives notifications sent by workflows. Implementations must be thread-safe. */
public interface NotificationSink {

    /** Delivers (or durably queues) one notification; throwing fails the attempt. */
    void deliver(Notification notification) throws Exception;
}
