package dev.flowline.store;

import dev.flowline.notification.Notification;
import dev.flowline.notification.PendingNotification;
import dev.flowline.notification.PendingNotifications;
import dev.flowline.store.Store.StoredNotification;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.flowline.store.Fixtures.T0;
import static dev.flowline.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Notifications waiting for their recipient's digest: added once, due by size or time, flushed into one digest. */
interface NotificationBatchContract {

    JdbcStore store();

    private static PendingNotification item(String notificationId, String recipient, int batchSize, int dueAfterSeconds) {
        return new PendingNotification(notificationId, recipient, "ex-" + notificationId, "wf-1", "Bestellung 📦",
                "order " + notificationId + " — 支払い済み", T0, batchSize, T0.plusSeconds(dueAfterSeconds));
    }

    /** A digest of the items: title, body and parts as the batcher would make them. */
    private static Notification digest(String recipient, List<PendingNotification> items, Instant at) {
        return new Notification("digest:" + items.getFirst().notificationId(), null, "wf-1", List.of(recipient),
                items.size() + " notifications", "digest body", "normal", at,
                items.stream().map(PendingNotification::toNotification).toList());
    }

    @Test
    default void an_item_is_added_once_and_a_batch_is_due_when_full_or_when_its_earliest_deadline_came() {
        PendingNotifications pending = store().pendingNotifications();
        String ann = unique("ann");
        String bob = unique("bob");
        pending.add(List.of(item("n1", ann, 3, 600), item("n1", bob, 3, 60)));
        pending.add(List.of(item("n1", ann, 3, 600), item("n2", ann, 3, 600)));

        assertThat(pending.pendingCount()).isEqualTo(3);
        assertThat(pending.isDue(ann, T0)).isFalse();
        assertThat(pending.isDue(bob, T0.plusSeconds(59))).isFalse();
        assertThat(pending.isDue(bob, T0.plusSeconds(60))).isTrue();
        assertThat(pending.dueRecipients(T0.plusSeconds(60), 10)).containsExactly(bob);

        pending.add(List.of(item("n3", ann, 3, 600)));
        assertThat(pending.isDue(ann, T0)).isTrue();
        assertThat(pending.dueRecipients(T0, 10)).containsExactly(ann);
        assertThat(pending.isDue(unique("nobody"), T0.plusSeconds(9999))).isFalse();
    }

    @Test
    default void a_flush_stores_one_digest_with_its_parts_and_an_item_never_waits_again() {
        PendingNotifications pending = store().pendingNotifications();
        String ann = unique("ann");
        pending.add(List.of(item("a1", ann, 2, 60), item("a2", ann, 2, 60)));

        Optional<Notification> flushed = pending.flush(ann, 100, items -> digest(ann, items, T0.plusSeconds(5)));

        assertThat(flushed).isPresent();
        assertThat(pending.pendingCount()).isZero();
        assertThat(pending.flush(ann, 100, items -> digest(ann, items, T0))).isEmpty();
        pending.add(List.of(item("a1", ann, 2, 60)));
        assertThat(pending.pendingCount()).as("already delivered in the digest").isZero();
        StoredNotification stored = store().notifications(ann, 10, null).items().getFirst();
        assertThat(stored.id()).isEqualTo("digest:a1:" + ann);
        assertThat(stored.title()).isEqualTo("2 notifications");
        assertThat(stored.createdAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(stored.parts()).extracting(Notification::id).containsExactly("a1", "a2");
        assertThat(stored.parts().getFirst()).isEqualTo(item("a1", ann, 2, 60).toNotification());
    }

    @Test
    default void a_flush_takes_at_most_the_given_number_of_the_oldest_items() {
        PendingNotifications pending = store().pendingNotifications();
        String ann = unique("ann");
        for (int i = 0; i < 5; i++) {
            pending.add(List.of(item("m" + i, ann, 2, 60)));
        }

        Notification first = pending.flush(ann, 3, items -> digest(ann, items, T0)).orElseThrow();

        assertThat(first.parts()).extracting(Notification::id).containsExactly("m0", "m1", "m2");
        assertThat(pending.pendingCount()).isEqualTo(2);
    }

    @Test
    default void concurrent_flushes_of_one_recipient_put_every_item_in_exactly_one_digest() throws Exception {
        PendingNotifications pending = store().pendingNotifications();
        String ann = unique("ann");
        int threads = 4;
        int rounds = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String prefix = "t" + t + "-";
            workers.add(pool.submit(() -> {
                for (int r = 0; r < rounds; r++) {
                    pending.add(List.of(item(prefix + r, ann, 1, 60)));
                    pending.flush(ann, 100, items -> digest(ann, items, T0));
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        while (pending.flush(ann, 100, items -> digest(ann, items, T0)).isPresent()) {
            // whatever the last flushes left
        }

        List<String> delivered = store().notifications(ann, 500, null).items().stream()
                .flatMap(d -> d.parts().stream()).map(Notification::id).toList();
        assertThat(delivered).hasSize(threads * rounds).doesNotHaveDuplicates();
        assertThat(pending.pendingCount()).isZero();
    }

    @Test
    default void a_digest_of_one_item_may_be_the_notification_itself() {
        PendingNotifications pending = store().pendingNotifications();
        String ann = unique("ann");
        pending.add(List.of(item("solo", ann, 5, 0)));

        pending.flush(ann, 100, items -> items.getFirst().toNotification());

        assertThat(store().notifications(ann, 10, null).items()).singleElement().satisfies(n -> {
            assertThat(n.id()).isEqualTo("solo:" + ann);
            assertThat(n.parts()).isEmpty();
            assertThat(n.body()).isEqualTo("order solo — 支払い済み");
        });
    }
}
