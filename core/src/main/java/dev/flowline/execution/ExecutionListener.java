package dev.flowline.execution;

/** Told about every finished execution. Implementations must be thread-safe and quick (or hand off work). */
@FunctionalInterface
public interface ExecutionListener {

    void onExecution(ExecutionRecord record);
}
