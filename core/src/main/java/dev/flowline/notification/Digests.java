package dev.flowline.notification;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Builds the one notification a recipient gets for a batch of waiting ones. Stateless. */
final class Digests {

    private Digests() {
    }

    /**
     * A digest listing every item (title and body, oldest first), with the items as its parts; a batch of one is
     * delivered as the notification it was.
     */
    static Notification of(String recipient, List<PendingNotification> items, Instant now) {
        if (items.size() == 1) {
            return items.getFirst().toNotification();
        }
        List<String> workflows = items.stream().map(PendingNotification::workflowId).distinct().toList();
        String body = items.stream()
                .map(p -> "- " + (p.title() == null ? "" : p.title() + ": ") + p.body())
                .collect(Collectors.joining("\n"));
        return new Notification("digest:" + items.getFirst().notificationId(), null,
                workflows.size() == 1 ? workflows.getFirst() : null, List.of(recipient),
                items.size() + " notifications", body, "normal", now,
                items.stream().map(PendingNotification::toNotification).toList());
    }
}
