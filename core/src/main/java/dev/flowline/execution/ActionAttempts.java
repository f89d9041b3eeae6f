package dev.flowline.execution;

import dev.flowline.FlowlineException;
import dev.flowline.action.ActionDefinition;
import dev.flowline.action.ActionFailedException;
import dev.flowline.action.RetryPolicy;
import dev.flowline.action.internal.ActionDispatcher;
import dev.flowline.action.internal.Attempt;
import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.event.EntityEvent;
import dev.flowline.json.Json;
import dev.flowline.template.Secrets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one action to completion: each attempt under its time limit, retries with backoff, every attempt recorded.
 * Thread-safe.
 */
final class ActionAttempts {

    private final ActionDispatcher dispatcher;
    private final ExecutorService threads;
    private final Clock clock;
    private final Duration defaultTimeout;
    private final Secrets secrets;
    private final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
    private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    ActionAttempts(ActionDispatcher dispatcher, ExecutorService threads, Clock clock, Duration defaultTimeout,
                   Secrets secrets) {
        this.secrets = secrets;
        this.dispatcher = dispatcher;
        this.threads = threads;
        this.clock = clock;
        this.defaultTimeout = defaultTimeout;
    }

    ActionRecord run(ActionDefinition action, String executionId, WorkflowDefinition workflow, EntityEvent event,
                     Map<String, Object> context) throws InterruptedException {
        RetryPolicy retry = action.common().retry();
        Duration timeout = action.common().timeout() == null ? defaultTimeout : action.common().timeout();
        List<AttemptRecord> attempts = new ArrayList<>();
        Instant first = null;
        for (int n = 1; ; n++) {
            Attempt attempt = new Attempt(executionId, workflow, event, n, context, timeout);
            Instant started = clock.instant();
            first = first == null ? started : first;
            long t0 = System.nanoTime();
            Future<Object> future = threads.submit(() -> {
                running.incrementAndGet();
                try {
                    return dispatcher.run(action, attempt);
                } finally {
                    running.decrementAndGet();
                }
            });
            Object output = null;
            Failure failure = null;
            try {
                output = secrets.mask(Json.plain(future.get(timeout.toNanos(), TimeUnit.NANOSECONDS)));
            } catch (TimeoutException e) {
                future.cancel(true);
                failure = new Failure("timed out after " + timeout.toMillis() + " ms", true, null, null);
            } catch (ExecutionException e) {
                failure = classify(e.getCause());
            } catch (InterruptedException e) {
                future.cancel(true);
                throw e;
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            Integer status = failure != null ? failure.httpStatus() : httpStatus(output);
            attempts.add(new AttemptRecord(n, started, ms, failure == null ? null : failure.message(), status));
            if (failure == null) {
                return new ActionRecord(action.id(), action.type(), ActionStatus.SUCCEEDED, attempts, first,
                        clock.instant(), output, null);
            }
            if (!failure.retryable() || n >= retry.maxAttempts()) {
                return new ActionRecord(action.id(), action.type(), ActionStatus.FAILED, attempts, first,
                        clock.instant(), null, failure.message());
            }
            Duration wait = retry.delayAfter(n);
            if (failure.retryAfter() != null && failure.retryAfter().compareTo(wait) > 0) {
                // The target asked for a longer pause (Retry-After); honour it, within reason.
                wait = failure.retryAfter().compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : failure.retryAfter();
            }
            Thread.sleep(wait);
        }
    }

    /** Attempts currently running (a timed-out attempt stops counting once its thread has really ended). */
    int running() {
        return running.get();
    }

    private record Failure(String message, boolean retryable, Integer httpStatus, Duration retryAfter) {
    }

    private static Integer httpStatus(Object output) {
        return output instanceof Map<?, ?> m && m.get("status") instanceof Number n && m.containsKey("body")
                ? n.intValue() : null;
    }

    private Failure classify(Throwable t) {
        String message = secrets.mask(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        if (t instanceof ActionFailedException a) {
            return new Failure(message, a.retryable(), a.httpStatus(), a.retryAfter());
        }
        // Flowline's own errors (templates, parameters) fail the same way every time; others may be transient.
        return new Failure(message, !(t instanceof FlowlineException) && !(t instanceof RuntimeException), null, null);
    }
}
