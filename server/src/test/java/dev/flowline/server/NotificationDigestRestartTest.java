package dev.flowline.server;

import dev.flowline.notification.Notification;
import dev.flowline.notification.NotificationBatcher;
import dev.flowline.store.JdbcStore;
import dev.flowline.store.Store.StoredNotification;
import dev.flowline.testing.SettableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Notifications waiting for a digest are kept in the store through a restart; the restart delivers what is due. */
class NotificationDigestRestartTest {

    @TempDir
    Path data;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T12:00:00Z"));

    private NotificationBatcher batcher(JdbcStore store) {
        return NotificationBatcher.builder(store.pendingNotifications(), new StoreNotificationSink(store))
                .clock(clock).batchSize(20).maxDelay(Duration.ofSeconds(60)).build();
    }

    private Notification note(String id) {
        return new Notification("ex-" + id + ":tell", "ex-" + id, "orders", List.of("ann"), null, "order " + id,
                "normal", clock.instant());
    }

    @Test
    void waiting_notifications_survive_a_restart_and_go_out_as_one_digest_when_due() throws Exception {
        try (JdbcStore store = JdbcStore.h2(data)) {
            NotificationBatcher batcher = batcher(store);
            batcher.submit(note("1"), null, null);
            clock.advance(Duration.ofSeconds(10));
            batcher.submit(note("2"), null, null);
            assertThat(store.notifications("ann", 10, null).items()).isEmpty();
        }

        clock.advance(Duration.ofSeconds(50)); // the oldest has waited 60 s
        try (JdbcStore store = JdbcStore.h2(data); NotificationBatcher restarted = batcher(store).start()) {
            List<StoredNotification> delivered = store.notifications("ann", 10, null).items();

            assertThat(delivered).singleElement().satisfies(d -> {
                assertThat(d.title()).isEqualTo("2 notifications");
                assertThat(d.parts()).extracting(Notification::body).containsExactly("order 1", "order 2");
            });
            assertThat(restarted.pendingCount()).isZero();
            restarted.submit(note("1"), null, null);
            assertThat(restarted.pendingCount()).as("a retried action does not notify twice").isZero();
        }
    }
}
