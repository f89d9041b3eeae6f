package dev.flowline.store;

import dev.flowline.email.EmailOutbox;
import dev.flowline.event.EntityEvent;
import dev.flowline.execution.ExecutionJournal;
import dev.flowline.execution.ExecutionRecord;
import dev.flowline.execution.JournaledExecution;
import dev.flowline.notification.Notification;
import dev.flowline.notification.PendingNotifications;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Flowline's own state: workflow definitions and their versions, accepted events, executions with their action
 * results, and notifications. The only place that knows Flowline's SQL.
 *
 * <p>As an {@link ExecutionJournal} it records executions as they progress, so that after a crash finished ones are
 * not repeated and unfinished ones resume. Thread-safe.
 */
public interface Store extends ExecutionJournal, AutoCloseable {

    // --- workflows -------------------------------------------------------------------------------------------

    /** Saves a new version of a workflow (version 1 for a new id, else the highest so far plus one). */
    StoredWorkflow saveWorkflow(String id, String definitionJson);

    /** The current version of a workflow that is not deleted. */
    Optional<StoredWorkflow> workflow(String id);

    /** A given version of a workflow (deleted or not). */
    Optional<StoredWorkflow> workflowVersion(String id, int version);

    /** The current version of every workflow that is not deleted, by id. */
    List<StoredWorkflow> workflows();

    /** Enables or disables a workflow; false when there is no such (undeleted) workflow. */
    boolean setEnabled(String id, boolean enabled);

    /** Deletes a workflow (its versions stay readable for the executions that ran them); false when absent. */
    boolean deleteWorkflow(String id);

    // --- events ----------------------------------------------------------------------------------------------

    /**
     * Durably accepts events, in order, with group commit: concurrent calls are written together in one
     * transaction. The future completes once the events' transaction has committed and reached the operating
     * system (so a crash of the process loses nothing). An event whose {@code event_id} was accepted before is
     * acknowledged as a duplicate and not stored again.
     */
    CompletableFuture<List<Accepted>> accept(List<EntityEvent> events);

    /** Accepted events not yet marked processed, in acceptance order, with {@code seq > afterSeq}. */
    List<StoredEvent> unprocessedEvents(long afterSeq, int limit);

    /** Marks an event processed (all its executions finished). */
    void markProcessed(long seq);

    /** Number of accepted events not yet processed. */
    long unprocessedCount();

    /** The event with this id, if accepted. */
    Optional<StoredEvent> event(String eventId);

    // --- executions (the journal methods record them as they run) -------------------------------------------

    /** Records a finished execution (status, times, error; its actions were journaled as they finished). */
    void finished(ExecutionRecord record);

    /** Executions, newest first, filtered; {@code cursor} comes from a previous page. */
    Page<ExecutionRecord> executions(ExecutionQuery query);

    /** One execution with its actions; unfinished ones have status {@code running}. */
    Optional<ExecutionRecord> execution(String executionId);

    /** Failed executions per workflow id: the dead-letter counts. */
    Map<String, Long> failedExecutionsByWorkflow();

    /**
     * Sets a failed execution running again for a retry, in one transaction: its actions that did not succeed are
     * forgotten (all of them when {@code fromStart}), so the engine runs them again while reusing the outputs of the
     * rest. Empty when the execution does not exist or is not failed (a concurrent retry got there first).
     */
    Optional<JournaledExecution> reopenForRetry(String executionId, boolean fromStart);

    // --- notifications ---------------------------------------------------------------------------------------

    /** Stores a notification (one row per recipient); storing the same id again changes nothing. */
    void saveNotification(Notification notification);

    /** Notifications, newest first, optionally for one recipient. */
    Page<StoredNotification> notifications(String recipient, int limit, String cursor);

    /**
     * Normal-priority notifications waiting for their recipient's digest (table {@code notification_batch_item}), for
     * a {@code NotificationBatcher}: nothing waiting is lost in a restart, and a digest is stored as a notification
     * whose {@link StoredNotification#parts()} are the notifications it groups.
     */
    PendingNotifications pendingNotifications();

    // --- e-mail ----------------------------------------------------------------------------------------------

    /** The durable e-mail outbox (table {@code email_outbox}): queued mail survives a restart, no id is sent twice. */
    EmailOutbox emailOutbox();

    // --- health ----------------------------------------------------------------------------------------------

    /** Whether the database answers. */
    boolean ping();

    @Override
    void close();

    /**
     * A stored workflow version.
     *
     * @param id             workflow id
     * @param version        version number, from 1
     * @param enabled        whether it is enabled (a property of the workflow, not of the version)
     * @param definitionJson the definition as saved
     * @param createdAt      when this version was saved
     */
    record StoredWorkflow(String id, int version, boolean enabled, String definitionJson, Instant createdAt) {
    }

    /**
     * The outcome of accepting one event.
     *
     * @param eventId   the event's id
     * @param seq       its position in acceptance order (the original one for a duplicate)
     * @param duplicate true when the event id had been accepted before
     */
    record Accepted(String eventId, long seq, boolean duplicate) {
    }

    /**
     * An accepted event.
     *
     * @param seq        acceptance order
     * @param event      the event
     * @param acceptedAt when it was accepted
     * @param processed  whether all its executions finished
     */
    record StoredEvent(long seq, EntityEvent event, Instant acceptedAt, boolean processed) {
    }

    /**
     * Filters for {@link #executions}; null fields do not filter.
     *
     * @param workflowId only this workflow
     * @param status     {@code running}, {@code succeeded} or {@code failed}
     * @param entityType only this entity type
     * @param entityId   only this entity id
     * @param since      only executions started at or after this instant
     * @param limit      page size (1..500)
     * @param cursor     the {@code next_cursor} of the previous page, or null for the first
     */
    record ExecutionQuery(String workflowId, String status, String entityType, String entityId, Instant since,
                          int limit, String cursor) {
    }

    /**
     * One page of results.
     *
     * @param items      the items
     * @param nextCursor cursor of the next page, or null when this is the last
     */
    record Page<T>(List<T> items, String nextCursor) {
    }

    /**
     * A notification as one recipient sees it.
     *
     * @param id          notification id plus recipient
     * @param recipient   the recipient
     * @param executionId the execution that sent it
     * @param workflowId  the workflow that sent it
     * @param title       title, or null
     * @param body        text
     * @param priority    high or normal
     * @param createdAt   when it was sent
     * @param parts       for a digest, the notifications it groups, oldest first; empty otherwise
     */
    record StoredNotification(String id, String recipient, String executionId, String workflowId, String title,
                              String body, String priority, Instant createdAt, List<Notification> parts) {

        public StoredNotification {
            parts = parts == null ? List.of() : List.copyOf(parts);
        }

        /** A notification that is not a digest. */
        public StoredNotification(String id, String recipient, String executionId, String workflowId, String title,
                                  String body, String priority, Instant createdAt) {
            this(id, recipient, executionId, workflowId, title, body, priority, createdAt, List.of());
        }
    }
}
