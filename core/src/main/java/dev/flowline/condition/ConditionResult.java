package dev.flowline.condition;

/**
 * The outcome of one top-level condition of one evaluation.
 *
 * @param path        JSON path of the condition
 * @param description what it tests
 * @param passed      whether it held
 * @param timeNanos   time spent evaluating it
 * @param error       why it could not be evaluated, or null
 */
public record ConditionResult(String path, String description, boolean passed, long timeNanos, String error) {
}
