package dev.flowline.definition;

import dev.flowline.event.EntityEvent;
import dev.flowline.event.Operation;

import java.util.List;
import java.util.Set;

/**
 * What makes a workflow run: an entity type, the operations on it, and for updates optionally the fields that must
 * have changed.
 *
 * @param entityType    e.g. {@code order}
 * @param operations    operations that trigger
 * @param fieldTriggers for updates: at least one of these fields must have changed; empty means any change
 */
public record EntityTrigger(String entityType, Set<Operation> operations, List<String> fieldTriggers) {

    public EntityTrigger {
        operations = Set.copyOf(operations);
        fieldTriggers = List.copyOf(fieldTriggers);
    }

    /** Whether an event fires this trigger (type, operation and, for updates, a watched field). */
    public boolean fires(EntityEvent event) {
        if (!entityType.equals(event.entityType()) || !operations.contains(event.operation())) {
            return false;
        }
        if (event.operation() != Operation.UPDATE || fieldTriggers.isEmpty()) {
            return true;
        }
        for (String f : fieldTriggers) {
            if (event.changedFields().contains(f)) {
                return true;
            }
        }
        return false;
    }
}
