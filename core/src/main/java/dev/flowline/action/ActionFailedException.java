package dev.flowline.action;

import dev.flowline.FlowlineException;

/** One attempt of an action failed; {@link #retryable()} says whether another attempt may succeed. */
public class ActionFailedException extends FlowlineException {

    private final boolean retryable;

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
}
