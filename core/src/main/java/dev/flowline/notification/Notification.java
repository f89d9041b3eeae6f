package dev.flowline.notification;

import java.time.Instant;
import java.util.List;

/**
 * An in-app notification, as sent by a {@code notification} action, or a digest of several for one recipient.
 * Immutable.
 *
 * @param id          unique id ({@code execution_id:action_id}; a digest's is {@code digest:} plus its first part's)
 * @param executionId the execution that sent it, or null for a digest
 * @param workflowId  the workflow that sent it, or null for a digest of several workflows' notifications
 * @param recipients  recipient ids
 * @param title       title, or null
 * @param body        message text
 * @param priority    {@code high} or {@code normal}
 * @param createdAt   when it was sent
 * @param parts       for a digest, the notifications it groups, oldest first; empty otherwise
 */
public record Notification(String id, String executionId, String workflowId, List<String> recipients, String title,
                           String body, String priority, Instant createdAt, List<Notification> parts) {

    public Notification {
        recipients = List.copyOf(recipients);
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** A notification that is not a digest. */
    public Notification(String id, String executionId, String workflowId, List<String> recipients, String title,
                        String body, String priority, Instant createdAt) {
        this(id, executionId, workflowId, recipients, title, body, priority, createdAt, List.of());
    }

    /** Whether this is a digest of several notifications. */
    public boolean digest() {
        return !parts.isEmpty();
    }

    /** This notification as one part of a digest, in JSON form (for the API and the channel webhook). */
    public java.util.Map<String, Object> partJson() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", id);
        m.put("title", title);
        m.put("body", body);
        m.put("workflow_id", workflowId);
        m.put("execution_id", executionId);
        m.put("created_at", dev.flowline.execution.Times.iso(createdAt));
        return m;
    }
}
