package dev.flowline.action;

import dev.flowline.json.Ordered;
import dev.flowline.template.TemplateValue;

import java.util.Map;

/**
 * Computes values; its output is the rendered map.
 *
 * @param common common action fields
 * @param values a template per name
 */
public record SetAction(ActionCommon common, Map<String, TemplateValue> values) implements ActionDefinition {

    public SetAction {
        values = Ordered.copy(values);
    }
}
