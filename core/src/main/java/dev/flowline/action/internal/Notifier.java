package dev.flowline.action.internal;

import dev.flowline.action.ActionFailedException;
import dev.flowline.action.NotificationAction;
import dev.flowline.notification.Notification;
import dev.flowline.notification.NotificationSink;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs {@code notification} actions: renders them and hands them to the sink. Thread-safe. */
public final class Notifier {

    private final NotificationSink sink;
    private final Clock clock;

    public Notifier(NotificationSink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    public Object send(NotificationAction a, Attempt attempt) throws Exception {
        Map<String, Object> ctx = attempt.context();
        List<String> recipients = recipients(a.recipients().render(ctx));
        if (recipients.isEmpty()) {
            throw new ActionFailedException("recipients rendered to an empty list", false);
        }
        String title = a.title() == null ? null : text(a.title().render(ctx));
        String body = text(a.body().render(ctx));
        sink.deliver(new Notification(attempt.idempotencyKey(a.id()), attempt.executionId(), attempt.workflow().id(),
                recipients, title, body, a.priority(), clock.instant()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("recipients", recipients);
        if (title != null) {
            out.put("title", title);
        }
        out.put("body", body);
        out.put("priority", a.priority());
        return out;
    }

    private static List<String> recipients(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof Collection<?> c) {
            for (Object o : c) {
                if (o instanceof Collection<?> inner) {
                    out.addAll(recipients(inner));
                } else if (o != null && !String.valueOf(o).isBlank()) {
                    out.add(String.valueOf(o));
                }
            }
        } else if (v != null && !String.valueOf(v).isBlank()) {
            out.add(String.valueOf(v));
        }
        return out;
    }

    private static String text(Object v) {
        return v instanceof String s ? s : dev.flowline.json.Json.write(v);
    }
}
