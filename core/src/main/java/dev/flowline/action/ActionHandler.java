package dev.flowline.action;

import dev.flowline.json.InputError;

import java.util.List;
import java.util.Map;

/**
 * The action SPI: implement it to add an action type, then register it with
 * {@code Engine.builder().actionHandler(...)} (or list it in
 * {@code META-INF/services/dev.flowline.action.ActionHandler}).
 *
 * <p>Every field of the action other than the common ones ({@code id}, {@code type}, {@code dependencies},
 * {@code result_variable}, {@code timeout_ms}, {@code retry}) is the action's config; its templates are compiled
 * with the definition and rendered before {@link #execute} is called. Implementations must be thread-safe: one
 * handler serves every execution concurrently.
 */
public interface ActionHandler {

    /** The {@code type} name this handler serves, e.g. {@code slack}. */
    String type();

    /**
     * Checks the action's raw config when a definition is saved.
     *
     * @param config the config fields as written (templates not rendered)
     * @param path   JSON path of the action, to prefix error paths with
     * @return the problems found; empty when valid
     */
    default List<InputError> validate(Map<String, Object> config, String path) {
        return List.of();
    }

    /**
     * Runs one attempt of the action.
     *
     * @return the action's output (plain JSON-like values), visible to later actions under its result variable
     * @throws Exception any failure; {@link ActionFailedException} with {@code retryable=false} stops retries
     */
    Object execute(ActionInvocation invocation) throws Exception;
}
