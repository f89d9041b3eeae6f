package dev.flowline.store;

import dev.flowline.FlowlineException;

/** Too many {@code accept} calls are waiting for their commit; nothing was stored, retry later. */
public class StoreBusyException extends FlowlineException {

    private final int queueCapacity;

    public StoreBusyException(int queueCapacity) {
        super("the store's event queue is full (" + queueCapacity + " accept calls waiting for their commit): "
                + "nothing was stored, retry later");
        this.queueCapacity = queueCapacity;
    }

    /** How many waiting calls the queue holds. */
    public int queueCapacity() {
        return queueCapacity;
    }
}
