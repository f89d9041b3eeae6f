package dev.flowline.execution;

import java.util.Locale;

/** Outcome of one execution. */
public enum ExecutionStatus {
    SUCCEEDED, FAILED;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
