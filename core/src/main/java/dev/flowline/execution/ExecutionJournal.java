package dev.flowline.execution;

import dev.flowline.event.EntityEvent;

import java.util.Map;

/**
 * Where the engine records executions as they progress, so that a crash loses nothing: the store implements it.
 *
 * <p>The engine calls {@link #started} once per (event, workflow) before any action runs, {@link #actionFinished}
 * as each action completes, and the {@link ExecutionListener} when the execution is over. When it processes an event
 * again after a restart it first asks {@link #recorded}: finished executions are not repeated, unfinished ones resume,
 * reusing the outputs of actions that had succeeded. Implementations must be thread-safe. The default journal keeps
 * nothing.
 */
public interface ExecutionJournal {

    /** Keeps nothing: for offline runs and tests. */
    ExecutionJournal NONE = new ExecutionJournal() {
    };

    /** Executions already recorded for this event, by workflow id. */
    default Map<String, JournaledExecution> recorded(EntityEvent event) {
        return Map.of();
    }

    /** An execution is about to run its actions. */
    default void started(EntityEvent event, JournaledExecution execution) {
    }

    /** One action of an execution finished (succeeded, failed or skipped). */
    default void actionFinished(String executionId, ActionRecord record) {
    }

    /**
     * One action of an execution finished; {@code ordinal} is its position in the workflow's actions, so a journal
     * can record it in place and need not write it again when the execution ends. Defaults to
     * {@link #actionFinished(String, ActionRecord)}.
     */
    default void actionFinished(String executionId, int ordinal, ActionRecord record) {
        actionFinished(executionId, record);
    }

    /**
     * Whether the write that records an execution's end (made for the {@link ExecutionListener}) also records every
     * action not journaled before. When true, the engine does not journal an execution's last action on its own: the
     * end's write, which follows at once, records it — one durable write fewer per execution. A crash between the two
     * runs that action again on resume, with the same idempotency key, as a crash just before its own write would.
     * Default false.
     */
    default boolean recordsActionsAtEnd() {
        return false;
    }
}
