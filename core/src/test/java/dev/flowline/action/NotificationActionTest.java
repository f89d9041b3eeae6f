package dev.flowline.action;

import dev.flowline.definition.DefinitionParser;
import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.event.EntityEvent;
import dev.flowline.event.Operation;
import dev.flowline.execution.Engine;
import dev.flowline.execution.ExecutionRecord;
import dev.flowline.notification.InMemoryNotificationSink;
import dev.flowline.notification.InMemoryPendingNotifications;
import dev.flowline.notification.Notification;
import dev.flowline.notification.NotificationBatcher;
import dev.flowline.template.TemplateEngine;
import dev.flowline.testing.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code notification} actions through the engine with per-recipient batching: the output says what happened. */
class NotificationActionTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T12:00:00Z"));
    private final InMemoryNotificationSink sink = new InMemoryNotificationSink(100);
    private final NotificationBatcher batcher = NotificationBatcher.builder(new InMemoryPendingNotifications(sink), sink)
            .clock(clock).batchSize(20).maxDelay(Duration.ofSeconds(60)).build();
    private Engine engine;

    @AfterEach
    void close() {
        engine.close();
    }

    private Map<?, ?> run(String settings, String priority, String id) {
        String json = ("""
                {'id': 'paid', 'entity_type': 'order', 'operations': ['create'], 'actions': [
                  {'id': 'tell', 'type': 'notification', 'recipients': ['warehouse'], 'priority': '%s',
                   'body': 'order {{ entity.id }}'}]%s}""".formatted(priority, settings)).replace('\'', '"');
        WorkflowDefinition w = new DefinitionParser(new TemplateEngine(), Set.of()).parse(json, false, "x").orThrow();
        if (engine == null) {
            engine = Engine.builder().workflows(List.of(w)).notificationSink(sink).notificationBatcher(batcher)
                    .clock(clock).build();
        }
        EntityEvent e = EntityEvent.builder().entityType("order").entityId(id).operation(Operation.CREATE)
                .data(Map.of("id", id)).build();
        ExecutionRecord r = engine.process(e).getFirst();
        return (Map<?, ?>) r.actions().getFirst().output();
    }

    @Test
    void a_normal_notification_says_it_waits_for_a_digest_sized_by_the_workflows_settings() {
        String settings = ", 'workflow_settings': {'notification_batch_size': 2, 'notification_max_delay_ms': 5000}";

        Map<?, ?> first = run(settings, "normal", "1");
        Map<?, ?> second = run(settings, "normal", "2");

        assertThat(first.get("status")).isEqualTo("queued_for_digest");
        assertThat(first.get("batch_size")).isEqualTo(2L);
        assertThat(first.get("deliver_by")).isEqualTo("2026-03-02T12:00:05.000Z");
        assertThat(second.get("status")).isEqualTo("delivered_in_digest");
        assertThat(sink.recent()).singleElement().satisfies(d -> assertThat(d.parts())
                .extracting(Notification::body).containsExactly("order 1", "order 2"));
    }

    @Test
    void a_high_priority_notification_says_it_was_delivered() {
        Map<?, ?> out = run("", "high", "1");

        assertThat(out.get("status")).isEqualTo("delivered");
        assertThat(out.containsKey("deliver_by")).isFalse();
        assertThat(sink.recent()).hasSize(1);
    }
}
