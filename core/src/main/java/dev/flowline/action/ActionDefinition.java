package dev.flowline.action;

/**
 * One step of a workflow. The built-in kinds are records; {@link CustomAction} carries any type added through the
 * {@link ActionHandler} SPI.
 */
public sealed interface ActionDefinition
        permits NotificationAction, WebhookAction, DatabaseAction, SetAction, UpdateEntityAction, EmailAction,
        CustomAction {

    ActionCommon common();

    default String id() {
        return common().id();
    }

    default String type() {
        return common().type();
    }
}
