package dev.flowline.notification;

import java.time.Instant;
import java.util.List;

/**
 * An in-app notification, as sent by a {@code notification} action.
 *
 * @param id          unique id ({@code execution_id:action_id})
 * @param executionId the execution that sent it
 * @param workflowId  the workflow that sent it
 * @param recipients  recipient ids
 * @param title       title, or null
 * @param body        message text
 * @param priority    {@code high} or {@code normal}
 * @param createdAt   when it was sent
 */
public record Notification(String id, String executionId, String workflowId, List<String> recipients, String title,
                           String body, String priority, Instant createdAt) {

    public Notification {
        recipients = List.copyOf(recipients);
    }
}
