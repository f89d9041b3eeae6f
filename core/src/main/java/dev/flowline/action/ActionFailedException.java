package dev.flowline.action;

import dev.flowline.FlowlineException;

import java.time.Duration;

/**
 * One attempt of an action failed; {@link #retryable()} says whether another attempt may succeed, and
 * {@link #retryAfter()} how long the target asked to wait (HTTP {@code Retry-After}).
 */
public class ActionFailedException extends FlowlineException {

    private final boolean retryable;
    private Duration retryAfter;
    private Integer httpStatus;

    public ActionFailedException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public ActionFailedException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }

    /** The wait the target asked for before the next attempt, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The HTTP status of the failed attempt, or null when it got no response. */
    public Integer httpStatus() {
        return httpStatus;
    }

    /** Adds the HTTP status and the requested wait (either may be null). */
    public ActionFailedException withHttp(Integer status, Duration wait) {
        this.httpStatus = status;
        this.retryAfter = wait;
        return this;
    }
}
