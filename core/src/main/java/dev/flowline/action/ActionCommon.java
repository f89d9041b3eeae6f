package dev.flowline.action;

import java.time.Duration;
import java.util.List;

/**
 * What every action has, whatever its type.
 *
 * @param id             unique within the workflow
 * @param type           the type name as written ({@code webhook}, or a custom type)
 * @param dependencies   ids of actions that must succeed first
 * @param resultVariable name under which later templates see this action's output, or null
 * @param timeout        time limit per attempt, or null for the engine default
 * @param retry          retry policy
 * @param path           JSON path of the action in its definition ({@code actions[2]})
 */
public record ActionCommon(String id, String type, List<String> dependencies, String resultVariable,
                           Duration timeout, RetryPolicy retry, String path) {

    public ActionCommon {
        dependencies = List.copyOf(dependencies);
    }
}
