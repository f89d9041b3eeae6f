package dev.flowline.server.retry;

import dev.flowline.execution.Engine;
import dev.flowline.execution.ExecutionRecord;
import dev.flowline.execution.ExecutionStatus;
import dev.flowline.execution.JournaledExecution;
import dev.flowline.server.api.ConflictException;
import dev.flowline.server.api.NotFoundException;
import dev.flowline.store.Store;

/**
 * Retries failed executions, for the API and the dashboard alike: from the failed action (completed actions keep
 * their results) or from the start. Thread-safe; a concurrent second retry of the same execution is refused.
 */
public final class ExecutionRetries {

    private final Store store;
    private final Engine engine;

    public ExecutionRetries(Store store, Engine engine) {
        this.store = store;
        this.engine = engine;
    }

    /**
     * Reopens the execution and queues it on the engine.
     *
     * @throws NotFoundException when there is no such execution
     * @throws ConflictException when it is not failed, is already being retried, or its event is gone
     */
    public void retry(String executionId, boolean fromStart) {
        ExecutionRecord r = store.execution(executionId)
                .orElseThrow(() -> new NotFoundException("execution '" + executionId + "' not found"));
        if (r.status() != ExecutionStatus.FAILED) {
            throw new ConflictException("execution '" + executionId + "' is " + r.status().jsonName()
                    + "; only failed executions can be retried");
        }
        Store.StoredEvent event = store.event(r.eventId()).orElseThrow(() ->
                new ConflictException("the event of execution '" + executionId + "' is no longer stored, so it cannot be retried"));
        JournaledExecution reopened = store.reopenForRetry(executionId, fromStart).orElseThrow(() ->
                new ConflictException("execution '" + executionId + "' is already being retried"));
        engine.retry(event.event(), reopened, () -> { });
    }
}
