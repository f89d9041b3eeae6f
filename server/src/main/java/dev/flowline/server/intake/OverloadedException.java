package dev.flowline.server.intake;

import dev.flowline.FlowlineException;

/** The engine is saturated; the client should retry after {@link #retryAfterSeconds()}. */
public class OverloadedException extends FlowlineException {

    private final int retryAfterSeconds;

    public OverloadedException(long backlog, long limit, int retryAfterSeconds) {
        super("the engine is saturated: " + backlog + " accepted events are waiting (limit " + limit
                + "); retry after " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
