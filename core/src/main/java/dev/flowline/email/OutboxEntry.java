package dev.flowline.email;

import java.time.Instant;
import java.util.Objects;

/**
 * One e-mail in the outbox and where it stands. Immutable.
 *
 * @param message   the e-mail; its {@code id} ({@code execution_id:action_id}) is the outbox key
 * @param messageId the {@code Message-ID} header it is sent with (the same on every attempt)
 * @param status    where it stands
 * @param attempts  attempts that reached (or tried to reach) the SMTP server
 * @param createdAt when it was queued; older mail of the same priority goes first
 * @param dueAt     not sent before this instant (its delivery window opens, or its next retry)
 * @param sentAt    when the server accepted it, or null
 * @param lastError the last failure, or null
 */
public record OutboxEntry(EmailMessage message, String messageId, OutboxStatus status, int attempts,
                          Instant createdAt, Instant dueAt, Instant sentAt, String lastError) {

    public OutboxEntry {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /** A new entry waiting to be sent at {@code dueAt}. */
    public static OutboxEntry queued(EmailMessage message, String messageId, Instant now, Instant dueAt) {
        return new OutboxEntry(message, messageId, OutboxStatus.QUEUED, 0, now, dueAt, null, null);
    }

    public String id() {
        return message.id();
    }

    /** Whether it is {@code high} priority mail, which goes before all {@code normal} mail. */
    public boolean high() {
        return "high".equals(message.priority());
    }

    /** 0 for high priority, 1 for normal: the order in which the outbox is drained. */
    public int priorityRank() {
        return high() ? 0 : 1;
    }

    /** This entry with another status, attempt count, due time, sent time and error. */
    public OutboxEntry with(OutboxStatus status, int attempts, Instant dueAt, Instant sentAt, String lastError) {
        return new OutboxEntry(message, messageId, status, attempts, createdAt, dueAt, sentAt, lastError);
    }
}
