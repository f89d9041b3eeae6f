package dev.flowline.action;

import dev.flowline.template.TemplateValue;

/**
 * An action of a type added through the {@link ActionHandler} SPI.
 *
 * @param common common action fields
 * @param config every other field of the action, with its templates compiled
 */
public record CustomAction(ActionCommon common, TemplateValue config) implements ActionDefinition {
}
