package dev.flowline.definition;

import dev.flowline.action.ActionDefinition;
import dev.flowline.condition.Condition;

import java.util.List;
import java.util.Map;

/**
 * A parsed, validated workflow definition. Immutable and thread-safe.
 *
 * @param id          unique id
 * @param name        human-readable name (the id when not given)
 * @param description optional description
 * @param tenant      the tenant the workflow belongs to, or null when it applies to every tenant
 * @param enabled     whether events trigger it
 * @param version     version number (1 for a definition read from a file; the store numbers saved versions)
 * @param trigger     what triggers it
 * @param conditions  the conditions as written
 * @param plan        the same conditions, cheapest first: the order the engine evaluates them in
 * @param actions     the actions as written
 * @param settings    execution settings
 * @param source      the definition as plain JSON values (for storage and display)
 */
public record WorkflowDefinition(String id, String name, String description, String tenant, boolean enabled,
                                 int version, EntityTrigger trigger, List<Condition> conditions, List<Condition> plan,
                                 List<ActionDefinition> actions, WorkflowSettings settings, Map<String, Object> source) {

    public WorkflowDefinition {
        conditions = List.copyOf(conditions);
        plan = List.copyOf(plan);
        actions = List.copyOf(actions);
    }

    /** A copy with another version number. */
    public WorkflowDefinition withVersion(int newVersion) {
        return new WorkflowDefinition(id, name, description, tenant, enabled, newVersion, trigger, conditions, plan,
                actions, settings, source);
    }

    /** A copy enabled or disabled. */
    public WorkflowDefinition withEnabled(boolean on) {
        return new WorkflowDefinition(id, name, description, tenant, on, version, trigger, conditions, plan,
                actions, settings, source);
    }
}
