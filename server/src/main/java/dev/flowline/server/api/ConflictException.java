package dev.flowline.server.api;

import dev.flowline.FlowlineException;

/** The request does not fit the resource's current state (retrying an execution that did not fail). */
public class ConflictException extends FlowlineException {

    public ConflictException(String message) {
        super(message);
    }
}
