package dev.flowline.store;

import dev.flowline.FlowlineException;

/** The store was closed before it could accept the events; they were not stored. */
public class StoreClosedException extends FlowlineException {

    public StoreClosedException(String message) {
        super(message);
    }
}
