package dev.flowline.store;

import dev.flowline.action.EmailAction.DeliveryWindow;
import dev.flowline.email.EmailMessage;
import dev.flowline.email.EmailOutbox;
import dev.flowline.email.OutboxEntry;
import dev.flowline.email.OutboxStatus;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static dev.flowline.store.Fixtures.T0;
import static dev.flowline.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The e-mail outbox: queued once, drained high priority first then oldest first, claimed by one sender. */
interface EmailOutboxContract {

    JdbcStore store();

    private static OutboxEntry entry(String id, String priority, int secondsAfterT0) {
        EmailMessage m = new EmailMessage(id, "ex-1", "wf-1", List.of("ann@example.test"), List.of(), "subject " + id,
                "text", null, priority, null);
        return OutboxEntry.queued(m, "<" + id + "@example.test>", T0.plusSeconds(secondsAfterT0),
                T0.plusSeconds(secondsAfterT0));
    }

    @Test
    default void an_email_is_queued_once_and_read_back_whole() {
        String id = unique("ex") + ":mail";
        DeliveryWindow window = new DeliveryWindow(LocalTime.of(22, 0), LocalTime.of(6, 30), ZoneId.of("Asia/Tokyo"));
        EmailMessage m = new EmailMessage(id, "ex-9", "wf-9", List.of("ann@example.test", "bob@example.test"),
                List.of("carl@example.test"), "Grüße 📦 支払い", "plain ✓", "<p>&lt;b&gt; ✓</p>", "normal", window);
        OutboxEntry queued = OutboxEntry.queued(m, "<m@example.test>", T0, T0.plusSeconds(3600));

        EmailOutbox.Added first = store().emailOutbox().add(queued);
        EmailOutbox.Added again = store().emailOutbox().add(entry(id, "high", 99));

        assertThat(first.added()).isTrue();
        assertThat(first.entry()).isEqualTo(queued);
        assertThat(again.added()).isFalse();
        assertThat(again.entry()).as("the first one stays as it was").isEqualTo(queued);
        assertThat(store().emailOutbox().find(id)).contains(queued);
        assertThat(store().emailOutbox().find("nope")).isEmpty();
    }

    @Test
    default void due_mail_comes_high_priority_first_then_oldest_first() {
        EmailOutbox outbox = store().emailOutbox();
        outbox.add(entry("normal-old", "normal", 0));
        outbox.add(entry("high-new", "high", 20));
        outbox.add(entry("normal-new", "normal", 10));
        outbox.add(entry("high-old", "high", 5));
        outbox.add(entry("not-yet", "high", 3600));

        List<OutboxEntry> due = outbox.due(T0.plusSeconds(60), 10);

        assertThat(due).extracting(OutboxEntry::id).containsExactly("high-old", "high-new", "normal-old", "normal-new");
        assertThat(outbox.due(T0.plusSeconds(60), 2)).extracting(OutboxEntry::id).containsExactly("high-old", "high-new");
        assertThat(outbox.nextDue()).contains(T0);
        assertThat(outbox.pending()).isEqualTo(5);
    }

    @Test
    default void a_batch_is_claimed_and_recorded_sent_in_one_go_each_entry_once() {
        EmailOutbox outbox = store().emailOutbox();
        String a = unique("ex") + ":a";
        String b = unique("ex") + ":b";
        String c = unique("ex") + ":c";
        for (String id : List.of(a, b, c)) {
            outbox.add(entry(id, "normal", 0));
        }
        assertThat(outbox.claim(b, T0.plusSeconds(1))).as("another sender took b first").isTrue();

        assertThat(outbox.claimAll(List.of(a, b, c, "unknown"), T0.plusSeconds(1))).containsExactlyInAnyOrder(a, c);
        assertThat(outbox.claimAll(List.of(a, c), T0.plusSeconds(1))).as("claimed already").isEmpty();
        outbox.requeue(c, T0.plusSeconds(30), "try later", true);

        java.util.Map<String, java.time.Instant> sent = new java.util.LinkedHashMap<>();
        sent.put(a, T0.plusSeconds(2));
        sent.put(c, T0.plusSeconds(3));
        assertThat(outbox.sentAll(sent)).as("c went back to the queue, so only a is recorded").containsExactly(a);
        assertThat(outbox.find(a).orElseThrow()).satisfies(e -> {
            assertThat(e.status()).isEqualTo(OutboxStatus.SENT);
            assertThat(e.sentAt()).isEqualTo(T0.plusSeconds(2));
            assertThat(e.attempts()).isEqualTo(1);
        });
        assertThat(outbox.find(c).orElseThrow().status()).isEqualTo(OutboxStatus.QUEUED);
        assertThat(outbox.find(b).orElseThrow().status()).isEqualTo(OutboxStatus.SENDING);
        assertThat(outbox.claimAll(List.of(), T0)).isEmpty();
        assertThat(outbox.sentAll(java.util.Map.of())).isEmpty();
    }

    @Test
    default void a_claim_succeeds_once_and_sent_mail_leaves_the_queue() {
        EmailOutbox outbox = store().emailOutbox();
        String id = unique("ex") + ":mail";
        outbox.add(entry(id, "normal", 0));

        assertThat(outbox.claim(id, T0.plusSeconds(1))).isTrue();
        assertThat(outbox.claim(id, T0.plusSeconds(1))).isFalse();
        assertThat(outbox.due(T0.plusSeconds(60), 10)).isEmpty();
        assertThat(outbox.pending()).isEqualTo(1);
        outbox.sent(id, T0.plusSeconds(2));

        OutboxEntry sent = outbox.find(id).orElseThrow();
        assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.sentAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(outbox.pending()).isZero();
        assertThat(outbox.nextDue()).isEmpty();
        assertThat(outbox.claim(id, T0.plusSeconds(3))).as("sent mail is never claimed again").isFalse();
    }

    @Test
    default void requeued_mail_waits_with_its_error_and_failed_mail_keeps_the_reply() {
        EmailOutbox outbox = store().emailOutbox();
        outbox.add(entry("retry", "normal", 0));
        outbox.add(entry("bounce", "normal", 0));

        outbox.claim("retry", T0);
        outbox.requeue("retry", T0.plusSeconds(30), "cannot reach the SMTP server", true);
        outbox.claim("retry", T0.plusSeconds(30));
        outbox.requeue("retry", T0.plusSeconds(90), null, false); // its window closed: no attempt, same error
        outbox.claim("bounce", T0);
        outbox.failed("bounce", "550 5.1.1 no such user", T0.plusSeconds(1));

        OutboxEntry retry = outbox.find("retry").orElseThrow();
        assertThat(retry.status()).isEqualTo(OutboxStatus.QUEUED);
        assertThat(retry.attempts()).isEqualTo(1);
        assertThat(retry.dueAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(retry.lastError()).isEqualTo("cannot reach the SMTP server");
        assertThat(outbox.due(T0.plusSeconds(89), 10)).isEmpty();
        assertThat(outbox.due(T0.plusSeconds(90), 10)).extracting(OutboxEntry::id).containsExactly("retry");
        OutboxEntry bounce = outbox.find("bounce").orElseThrow();
        assertThat(bounce.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(bounce.lastError()).isEqualTo("550 5.1.1 no such user");
    }

    @Test
    default void claims_older_than_the_cutoff_go_back_to_the_queue() {
        EmailOutbox outbox = store().emailOutbox();
        outbox.add(entry("stale", "normal", 0));
        outbox.add(entry("fresh", "normal", 0));
        outbox.claim("stale", T0);
        outbox.claim("fresh", T0.plusSeconds(100));

        assertThat(outbox.releaseClaims(T0.plusSeconds(50))).isEqualTo(1);

        assertThat(outbox.find("stale").orElseThrow().status()).isEqualTo(OutboxStatus.QUEUED);
        assertThat(outbox.find("fresh").orElseThrow().status()).isEqualTo(OutboxStatus.SENDING);
    }

    @Test
    default void finishing_mail_that_is_not_claimed_fails_loudly() {
        store().emailOutbox().add(entry("unclaimed", "normal", 0));

        assertThatThrownBy(() -> store().emailOutbox().sent("unclaimed", T0)).hasMessageContaining("not being sent");
        assertThat(store().emailOutbox().find("unclaimed").orElseThrow().status()).isEqualTo(OutboxStatus.QUEUED);
    }
}
