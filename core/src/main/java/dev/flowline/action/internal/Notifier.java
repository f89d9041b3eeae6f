package dev.flowline.action.internal;

import dev.flowline.action.ActionFailedException;
import dev.flowline.action.NotificationAction;
import dev.flowline.definition.WorkflowSettings;
import dev.flowline.execution.Times;
import dev.flowline.notification.Notification;
import dev.flowline.notification.NotificationBatcher;
import dev.flowline.notification.NotificationSink;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code notification} actions: renders them and hands them to the batcher (per-recipient digests, with the
 * workflow's batch settings) or, without one, straight to the sink. The output says which:
 * {@code "status": "delivered"}, {@code "queued_for_digest"} or {@code "delivered_in_digest"}. Thread-safe.
 */
public final class Notifier {

    private final NotificationSink sink;
    private final NotificationBatcher batcher;
    private final Clock clock;

    public Notifier(NotificationSink sink, Clock clock) {
        this(sink, null, clock);
    }

    /** @param batcher batches normal notifications per recipient, or null to deliver every one to the sink */
    public Notifier(NotificationSink sink, NotificationBatcher batcher, Clock clock) {
        this.sink = sink;
        this.batcher = batcher;
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
        Notification n = new Notification(attempt.idempotencyKey(a.id()), attempt.executionId(),
                attempt.workflow().id(), recipients, title, body, a.priority(), clock.instant());
        Map<String, Object> out = new LinkedHashMap<>();
        if (batcher == null) {
            sink.deliver(n);
            out.put("status", "delivered");
        } else {
            WorkflowSettings settings = attempt.workflow().settings();
            NotificationBatcher.Outcome o = batcher.submit(n, settings.notificationBatchSize(),
                    settings.notificationMaxDelayMs());
            out.put("status", o.status());
            if (o.deliverBy() != null) {
                out.put("batch_size", o.batchSize());
                out.put("deliver_by", Times.iso(o.deliverBy()));
            }
        }
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
