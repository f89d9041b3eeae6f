package dev.flowline.store;

import dev.flowline.FlowlineException;

/** A query to the store had a bad argument (a cursor it did not issue, an unknown status); nothing was read. */
public class InvalidQueryException extends FlowlineException {

    public InvalidQueryException(String message) {
        super(message);
    }
}
