package dev.flowline.action.internal;

import dev.flowline.action.ActionDefinition;
import dev.flowline.action.ActionFailedException;
import dev.flowline.action.ActionHandler;
import dev.flowline.action.ActionInvocation;
import dev.flowline.action.CustomAction;
import dev.flowline.action.DatabaseAction;
import dev.flowline.action.EmailAction;
import dev.flowline.action.NotificationAction;
import dev.flowline.action.SetAction;
import dev.flowline.action.UpdateEntityAction;
import dev.flowline.action.WebhookAction;
import dev.flowline.template.TemplateValue;

import java.util.LinkedHashMap;
import java.util.Map;

/** Runs one attempt of any action by handing it to the executor of its kind. Thread-safe. */
public final class ActionDispatcher {

    private final WebhookCaller webhooks;
    private final DatabaseStatements database;
    private final Notifier notifier;
    private final EntityUpdater entities;
    private final Mailer mailer;
    private final Map<String, ActionHandler> custom;

    public ActionDispatcher(WebhookCaller webhooks, DatabaseStatements database, Notifier notifier,
                            EntityUpdater entities, Mailer mailer, Map<String, ActionHandler> custom) {
        this.mailer = mailer;
        this.webhooks = webhooks;
        this.database = database;
        this.notifier = notifier;
        this.entities = entities;
        this.custom = Map.copyOf(custom);
    }

    @SuppressWarnings("unchecked")
    public Object run(ActionDefinition action, Attempt attempt) throws Exception {
        return switch (action) {
            case WebhookAction w -> webhooks.call(w, attempt);
            case DatabaseAction d -> database.run(d, attempt);
            case NotificationAction n -> notifier.send(n, attempt);
            case UpdateEntityAction u -> entities.update(u, attempt);
            case EmailAction e -> mailer.send(e, attempt);
            case SetAction s -> {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<String, TemplateValue> e : s.values().entrySet()) {
                    out.put(e.getKey(), e.getValue().render(attempt.context()));
                }
                yield out;
            }
            case CustomAction c -> {
                ActionHandler handler = custom.get(c.type());
                if (handler == null) {
                    throw new ActionFailedException("no handler is registered for action type '" + c.type() + "'", false);
                }
                Object config = c.config().render(attempt.context());
                yield handler.execute(new ActionInvocation(attempt.executionId(), attempt.workflow().id(), c.id(),
                        attempt.attempt(), attempt.idempotencyKey(c.id()), (Map<String, Object>) config,
                        attempt.event()));
            }
        };
    }
}
