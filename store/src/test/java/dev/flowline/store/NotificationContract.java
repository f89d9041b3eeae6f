package dev.flowline.store;

import dev.flowline.notification.Notification;
import dev.flowline.store.Store.Page;
import dev.flowline.store.Store.StoredNotification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static dev.flowline.store.Fixtures.T0;
import static dev.flowline.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Notifications: one row per recipient, stored once, listed newest first. */
interface NotificationContract {

    JdbcStore store();

    private static Notification notification(String id, List<String> recipients, int secondsAfterT0) {
        return new Notification(id, "ex-1", "wf-1", recipients, "Bestellung 📦", "Order 42 is paid — 支払い済み",
                "high", T0.plusSeconds(secondsAfterT0));
    }

    @Test
    default void a_notification_is_stored_once_per_recipient_and_saving_it_again_changes_nothing() {
        String alice = unique("alice");
        String bob = unique("bob");
        String id = unique("ex") + ":notify";
        store().saveNotification(notification(id, List.of(alice, bob, alice), 0));
        store().saveNotification(new Notification(id, "other", "other", List.of(alice), null, "changed", "normal", T0));

        List<StoredNotification> forAlice = store().notifications(alice, 10, null).items();

        assertThat(forAlice).containsExactly(new StoredNotification(id + ":" + alice, alice, "ex-1", "wf-1",
                "Bestellung 📦", "Order 42 is paid — 支払い済み", "high", T0));
        assertThat(store().notifications(bob, 10, null).items()).hasSize(1);
    }

    @Test
    default void notifications_page_newest_first_with_a_cursor_while_new_ones_arrive() {
        String carol = unique("carol");
        String dave = unique("dave");
        List<StoredNotification> stored = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Notification n = notification(unique("n" + i), List.of(carol, dave), i / 2); // pairs share a time
            store().saveNotification(n);
            stored.add(new StoredNotification(n.id() + ":" + carol, carol, n.executionId(), n.workflowId(), n.title(),
                    n.body(), n.priority(), n.createdAt()));
        }
        stored.sort(Comparator.comparing(StoredNotification::createdAt).thenComparing(StoredNotification::id)
                .reversed());
        List<StoredNotification> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<StoredNotification> page = store().notifications(carol, 3, cursor);
            seen.addAll(page.items());
            cursor = page.nextCursor();
            store().saveNotification(notification(unique("new"), List.of(carol), 60)); // newer ones arrive
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(stored);
    }

    @Test
    default void without_a_recipient_every_recipient_row_is_listed() {
        String erin = unique("erin");
        String frank = unique("frank");
        String id = unique("n");
        store().saveNotification(notification(id, List.of(erin, frank), 3600));

        List<StoredNotification> all = store().notifications(null, 500, null).items();

        assertThat(all).extracting(StoredNotification::id).contains(id + ":" + erin, id + ":" + frank);
    }
}
