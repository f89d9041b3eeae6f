package dev.flowline.execution;

import java.util.Locale;

/** State of one execution: running until its last action finished, then succeeded or failed. */
public enum ExecutionStatus {
    RUNNING, SUCCEEDED, FAILED;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
