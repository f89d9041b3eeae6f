package dev.flowline.notification;

import java.time.Instant;
import java.util.Objects;

/**
 * A normal-priority notification waiting, for one recipient, to go out in a digest. Immutable.
 *
 * @param notificationId the notification's id ({@code execution_id:action_id})
 * @param recipient      the one recipient
 * @param executionId    the execution that sent it
 * @param workflowId     the workflow that sent it
 * @param title          title, or null
 * @param body           text
 * @param createdAt      when it was sent
 * @param batchSize      its workflow's batch size: the recipient's digest goes out once this many wait
 * @param deliverBy      when its workflow's longest delay has passed: the digest goes out by then
 */
public record PendingNotification(String notificationId, String recipient, String executionId, String workflowId,
                                  String title, String body, Instant createdAt, int batchSize, Instant deliverBy) {

    public PendingNotification {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(deliverBy, "deliverBy");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
    }

    /** The key of this item: the notification id and the recipient, as in the store's notification rows. */
    public String id() {
        return notificationId + ":" + recipient;
    }

    /** This item as the notification it was, for one recipient. */
    public Notification toNotification() {
        return new Notification(notificationId, executionId, workflowId, java.util.List.of(recipient), title, body,
                "normal", createdAt);
    }
}
