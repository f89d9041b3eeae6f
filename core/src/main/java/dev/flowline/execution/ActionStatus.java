package dev.flowline.execution;

import java.util.Locale;

/** Outcome of one action in one execution. */
public enum ActionStatus {
    SUCCEEDED, FAILED, SKIPPED;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
