package dev.flowline.action;

import dev.flowline.template.TemplateValue;

/**
 * An in-app notification to one or more recipients.
 *
 * @param common     common action fields
 * @param recipients a template producing a list of recipient ids (or one id)
 * @param title      optional title template, or null
 * @param body       the message template
 * @param priority   {@code high} or {@code normal}
 */
public record NotificationAction(ActionCommon common, TemplateValue recipients, TemplateValue title,
                                 TemplateValue body, String priority) implements ActionDefinition {
}
