package dev.flowline.action;

import dev.flowline.json.Ordered;
import dev.flowline.template.TemplateValue;

import java.util.Map;

/**
 * Updates an entity and emits the corresponding {@code update} event, which the engine processes like any other.
 *
 * @param common     common action fields
 * @param entityType entity type, or null for the triggering entity's type
 * @param entityId   entity id template, or null for the triggering entity
 * @param set        a template per field to set
 */
public record UpdateEntityAction(ActionCommon common, String entityType, TemplateValue entityId,
                                 Map<String, TemplateValue> set) implements ActionDefinition {

    public UpdateEntityAction {
        set = Ordered.copy(set);
    }
}
