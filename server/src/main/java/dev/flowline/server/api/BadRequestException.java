package dev.flowline.server.api;

import dev.flowline.FlowlineException;

/** A query parameter or path value is malformed; the message names it. */
public class BadRequestException extends FlowlineException {

    public BadRequestException(String message) {
        super(message);
    }
}
