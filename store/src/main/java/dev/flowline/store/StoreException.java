package dev.flowline.store;

import dev.flowline.FlowlineException;

/** The database failed or refused a statement; the {@link java.sql.SQLException} is the cause. */
public class StoreException extends FlowlineException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
