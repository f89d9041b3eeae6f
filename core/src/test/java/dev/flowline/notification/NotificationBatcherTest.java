package dev.flowline.notification;

import dev.flowline.json.Json;
import dev.flowline.testing.LocalHttpServer;
import dev.flowline.testing.SettableClock;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Per-recipient digests, on a settable clock and an in-memory store. */
class NotificationBatcherTest {

    private static final Instant T0 = Instant.parse("2026-03-02T12:00:00Z");

    private final SettableClock clock = new SettableClock(T0);
    private final InMemoryNotificationSink sink = new InMemoryNotificationSink(100_000);
    private final InMemoryPendingNotifications pending = new InMemoryPendingNotifications(sink);

    private NotificationBatcher.Builder batcher() {
        return NotificationBatcher.builder(pending, sink).clock(clock).batchSize(3).maxDelay(Duration.ofSeconds(60));
    }

    private Notification note(String id, String priority, String... recipients) {
        return new Notification("ex-" + id + ":tell", "ex-" + id, "orders", List.of(recipients), "Order " + id,
                "order " + id + " is paid", priority, clock.instant());
    }

    @Test
    void high_priority_is_delivered_at_once() throws Exception {
        NotificationBatcher b = batcher().build();

        NotificationBatcher.Outcome o = b.submit(note("1", "high", "ann", "bob"), null, null);

        assertThat(o.status()).isEqualTo("delivered");
        assertThat(sink.recent()).singleElement().satisfies(n -> assertThat(n.recipients()).containsExactly("ann", "bob"));
        assertThat(b.pendingCount()).isZero();
    }

    @Test
    void a_full_batch_goes_out_as_one_digest_listing_every_notification() throws Exception {
        NotificationBatcher b = batcher().build();

        assertThat(b.submit(note("1", "normal", "ann", "bob"), null, null).status()).isEqualTo("queued_for_digest");
        assertThat(b.submit(note("2", "normal", "ann"), null, null).status()).isEqualTo("queued_for_digest");
        assertThat(sink.recent()).isEmpty();
        NotificationBatcher.Outcome third = b.submit(note("3", "normal", "ann"), null, null);

        assertThat(third.status()).isEqualTo("delivered_in_digest");
        assertThat(sink.recent()).singleElement().satisfies(d -> {
            assertThat(d.digest()).isTrue();
            assertThat(d.id()).isEqualTo("digest:ex-1:tell");
            assertThat(d.recipients()).containsExactly("ann");
            assertThat(d.title()).isEqualTo("3 notifications");
            assertThat(d.body()).isEqualTo("- Order 1: order 1 is paid\n- Order 2: order 2 is paid\n- Order 3: order 3 is paid");
            assertThat(d.workflowId()).isEqualTo("orders");
            assertThat(d.parts()).extracting(Notification::id).containsExactly("ex-1:tell", "ex-2:tell", "ex-3:tell");
        });
        assertThat(b.pendingCount()).as("bob's one notification still waits").isEqualTo(1);
    }

    @Test
    void a_digest_goes_out_once_the_oldest_notification_has_waited_the_longest_delay() throws Exception {
        NotificationBatcher b = batcher().build();
        b.submit(note("1", "normal", "ann"), null, null);
        clock.advance(Duration.ofSeconds(30));
        b.submit(note("2", "normal", "ann"), null, null);

        clock.set(T0.plusSeconds(59));
        assertThat(b.flushDue()).isZero();
        clock.set(T0.plusSeconds(60));
        assertThat(b.flushDue()).isEqualTo(1);

        assertThat(sink.recent()).singleElement().satisfies(d -> assertThat(d.parts()).hasSize(2));
        assertThat(b.flushDue()).isZero();
    }

    @Test
    void a_batch_of_one_is_delivered_as_the_notification_it_was() throws Exception {
        NotificationBatcher b = batcher().build();
        b.submit(note("1", "normal", "ann", "bob"), null, null);
        clock.advance(Duration.ofMinutes(1));

        assertThat(b.flushDue()).isEqualTo(2);

        assertThat(sink.recent()).extracting(Notification::id).containsOnly("ex-1:tell");
        assertThat(sink.recent()).allSatisfy(n -> {
            assertThat(n.digest()).isFalse();
            assertThat(n.title()).isEqualTo("Order 1");
        });
    }

    @Test
    void a_workflows_own_settings_override_the_defaults() throws Exception {
        NotificationBatcher b = batcher().build();

        NotificationBatcher.Outcome o = b.submit(note("1", "normal", "ann"), 2, 5_000L);
        b.submit(note("2", "normal", "bob"), null, 5_000L);
        assertThat(o.batchSize()).isEqualTo(2);
        assertThat(o.deliverBy()).isEqualTo(T0.plusSeconds(5));
        assertThat(b.submit(note("3", "normal", "ann"), 2, null).status()).isEqualTo("delivered_in_digest");

        clock.advance(Duration.ofSeconds(5));
        assertThat(b.flushDue()).as("bob's waited its workflow's 5 s, not the default 60 s").isEqualTo(1);
        assertThat(sink.recent()).extracting(n -> n.recipients().getFirst()).containsExactly("ann", "bob");
    }

    @Test
    void notifications_of_workflows_with_different_settings_share_the_recipients_digest() throws Exception {
        NotificationBatcher b = batcher().build();
        b.submit(note("1", "normal", "ann"), 10, 600_000L);
        b.submit(note("2", "normal", "ann"), 10, 10_000L);

        clock.advance(Duration.ofSeconds(10));

        assertThat(b.flushDue()).as("the earliest deadline among the waiting ones counts").isEqualTo(1);
        assertThat(sink.recent()).singleElement().satisfies(d -> assertThat(d.parts()).hasSize(2));
    }

    @Test
    void a_notification_submitted_again_is_batched_once() throws Exception {
        NotificationBatcher b = batcher().build();
        b.submit(note("1", "normal", "ann"), null, null);
        b.submit(note("1", "normal", "ann"), null, null);

        assertThat(b.pendingCount()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        b.flushDue();
        b.submit(note("1", "normal", "ann"), null, null);
        assertThat(b.pendingCount()).as("already delivered: not queued again").isZero();
    }

    @Test
    void ten_thousand_notifications_to_a_hundred_recipients_make_a_hundred_deliveries() throws Exception {
        NotificationBatcher b = batcher().batchSize(100).build();
        for (int i = 0; i < 10_000; i++) {
            b.submit(note(String.valueOf(i), "normal", "user-" + (i % 100)), null, null);
        }

        assertThat(sink.delivered()).isEqualTo(100);
        assertThat(sink.recent()).allSatisfy(d -> assertThat(d.parts()).hasSize(100));
        assertThat(b.pendingCount()).isZero();
    }

    @Test
    void start_delivers_what_is_already_due() throws Exception {
        batcher().build().submit(note("1", "normal", "ann"), null, null);
        clock.advance(Duration.ofMinutes(2));

        try (NotificationBatcher restarted = batcher().build().start()) {
            assertThat(sink.recent()).hasSize(1);
            assertThat(restarted.pendingCount()).isZero();
        }
    }

    @Test
    void a_channel_webhook_receives_high_priority_notifications_and_digests() throws Exception {
        try (LocalHttpServer chat = new LocalHttpServer();
             ChannelWebhook channel = new ChannelWebhook(URI.create(chat.url("/hooks/chat")), HttpClient.newHttpClient())) {
            NotificationBatcher b = batcher().batchSize(2).onDelivered(channel).build();
            b.submit(note("1", "high", "ops"), null, null);
            b.submit(note("2", "normal", "ann"), null, null);
            b.submit(note("3", "normal", "ann"), null, null);

            await().atMost(Duration.ofSeconds(20)).until(() -> chat.requests().size() == 2);

            List<Map<?, ?>> bodies = chat.requests().stream().<Map<?, ?>>map(r -> (Map<?, ?>) Json.parse(r.body())).toList();
            Map<?, ?> single = bodies.stream().filter(m -> m.get("kind").equals("notification")).findFirst().orElseThrow();
            Map<?, ?> digest = bodies.stream().filter(m -> m.get("kind").equals("digest")).findFirst().orElseThrow();
            assertThat(single.get("text")).isEqualTo("Order 1\norder 1 is paid (for ops)");
            assertThat(digest.get("recipients")).isEqualTo(List.of("ann"));
            assertThat((List<?>) digest.get("parts")).hasSize(2);
            assertThat(digest.get("text")).isEqualTo("2 notifications for ann:\n- Order 2: order 2 is paid\n- Order 3: order 3 is paid");
            assertThat(chat.requests()).extracting(r -> r.header("Idempotency-Key"))
                    .containsExactlyInAnyOrder("ex-1:tell", "digest:ex-2:tell");
            assertThat(chat.requests()).allSatisfy(r -> assertThat(r.path()).isEqualTo("/hooks/chat"));
            await().atMost(Duration.ofSeconds(20)).until(() -> channel.posted() == 2);
        }
    }

    @Test
    void a_channel_that_keeps_failing_is_retried_then_given_up() throws Exception {
        try (LocalHttpServer chat = new LocalHttpServer().then(503, "busy").then(503, "busy").then(503, "busy");
             ChannelWebhook channel = new ChannelWebhook(URI.create(chat.url("/chat")), HttpClient.newHttpClient(),
                     dev.flowline.action.RetryPolicy.of(3, Duration.ofMillis(1)), Duration.ofSeconds(5), 10)) {
            channel.accept(note("1", "high", "ops"));

            await().atMost(Duration.ofSeconds(20)).until(() -> channel.dropped() == 1);
            assertThat(chat.requests()).hasSize(3);
        }
    }
}
