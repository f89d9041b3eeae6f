package dev.flowline.server.api;

import dev.flowline.FlowlineException;

/** The requested resource does not exist. */
public class NotFoundException extends FlowlineException {

    public NotFoundException(String message) {
        super(message);
    }
}
