package dev.flowline.email;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.flowline.action.ActionFailedException;
import dev.flowline.action.EmailAction.DeliveryWindow;
import dev.flowline.action.RetryPolicy;
import dev.flowline.testing.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.flowline.email.Mails.mail;
import static dev.flowline.email.Mails.subjects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The outbox mailer against a real SMTP server (GreenMail), with a settable clock. */
class OutboxMailerTest {

    private static final Duration AWAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T12:00:00Z"));
    private final InMemoryEmailOutbox outbox = new InMemoryEmailOutbox();
    private final List<AutoCloseable> closeLater = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeLater.reversed()) {
            c.close();
        }
    }

    private OutboxMailer mailer(int port, RetryPolicy retry) {
        OutboxMailer m = OutboxMailer.builder(new SmtpMailSender(Mails.settings(port), clock), outbox)
                .clock(clock).retry(retry).build().start();
        closeLater.add(m);
        return m;
    }

    private OutboxMailer mailer() {
        return mailer(greenMail.getSmtp().getPort(), RetryPolicy.of(5, Duration.ofSeconds(1)));
    }

    @Test
    void high_priority_mail_is_sent_at_once_and_the_output_names_its_message_id() throws Exception {
        Map<String, Object> out = mailer().deliver(mail("urgent", "high"));

        assertThat(out).containsEntry("status", "sent").containsEntry("priority", "high")
                .containsEntry("message_id", "<ex-1.urgent@example.test>").containsEntry("sent_at", "2026-03-02T12:00:00.000Z");
        assertThat(greenMail.getReceivedMessages()).singleElement()
                .satisfies(m -> assertThat(m.getMessageID()).isEqualTo("<ex-1.urgent@example.test>"));
    }

    @Test
    void normal_mail_is_queued_and_then_sent_by_the_sender() throws Exception {
        OutboxMailer mailer = mailer();
        Map<String, Object> out = mailer.deliver(mail("later", "normal"));

        assertThat(out).containsEntry("status", "queued").containsEntry("message_id", "<ex-1.later@example.test>")
                .doesNotContainKey("deliver_after");
        await().atMost(AWAIT).until(() -> greenMail.getReceivedMessages().length == 1);
        await().atMost(AWAIT).until(() -> outbox.find("ex-1:later").orElseThrow().status() == OutboxStatus.SENT);
    }

    @Test
    void await_idle_returns_once_everything_is_sent_even_when_each_round_of_the_sender_is_slow() throws Exception {
        // a store that takes its time (as PostgreSQL did under load): every round of the sender lasts 30 ms+
        EmailOutbox slow = new EmailOutbox() {
            @Override public Added add(OutboxEntry entry) { return outbox.add(entry); }
            @Override public List<OutboxEntry> due(Instant now, int limit) { return outbox.due(now, limit); }
            @Override public Optional<Instant> nextDue() { return outbox.nextDue(); }
            @Override public boolean claim(String id, Instant now) { return outbox.claim(id, now); }
            @Override public void sent(String id, Instant at) { outbox.sent(id, at); }
            @Override public void failed(String id, String error, Instant at) { outbox.failed(id, error, at); }
            @Override public void requeue(String id, Instant dueAt, String error, boolean attempted) {
                outbox.requeue(id, dueAt, error, attempted);
            }
            @Override public Optional<OutboxEntry> find(String id) { return outbox.find(id); }
            @Override public long pending() { return outbox.pending(); }
            @Override public int releaseClaims(Instant claimedBefore) {
                try {
                    Thread.sleep(30);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return outbox.releaseClaims(claimedBefore);
            }
        };
        OutboxMailer mailer = OutboxMailer.builder(new SmtpMailSender(Mails.settings(greenMail.getSmtp().getPort()),
                clock), slow).clock(clock).build().start();
        closeLater.add(mailer);
        for (int i = 0; i < 3; i++) {
            mailer.deliver(mail("m" + i, "normal"));
        }

        assertThat(mailer.awaitIdle(Duration.ofSeconds(5))).as("idle within 5 s").isTrue();
        assertThat(outbox.pending()).isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(3);
    }

    @Test
    void a_lost_connection_puts_the_rest_of_the_batch_back_in_the_queue_untried() throws Exception {
        OutboxMailer mailer = mailer(Mails.freePort(), RetryPolicy.of(5, Duration.ofSeconds(30)));
        mailer.pause();
        for (String id : List.of("a", "b", "c")) {
            mailer.deliver(mail(id, "normal"));
        }
        mailer.resume();

        await().atMost(AWAIT).until(() -> outbox.find("ex-1:a").orElseThrow().attempts() == 1);
        assertThat(mailer.awaitIdle(AWAIT)).isTrue();
        assertThat(outbox.find("ex-1:a").orElseThrow().status()).isEqualTo(OutboxStatus.QUEUED);
        for (String id : List.of("ex-1:b", "ex-1:c")) {
            OutboxEntry e = outbox.find(id).orElseThrow();
            assertThat(e.status()).as("%s is queued, not left claimed", id).isEqualTo(OutboxStatus.QUEUED);
            assertThat(e.attempts()).as("%s was not tried", id).isZero();
        }
    }

    @Test
    void queued_high_priority_mail_goes_before_older_normal_mail() throws Exception {
        OutboxMailer mailer = mailer();
        mailer.pause();
        for (String id : List.of("normal-1", "normal-2", "normal-3")) {
            mailer.deliver(mail(id, "normal"));
            clock.advance(Duration.ofSeconds(1));
        }
        List<Future<Map<String, Object>>> highs = new ArrayList<>();
        ExecutorService actions = Executors.newVirtualThreadPerTaskExecutor();
        closeLater.add(actions::shutdownNow);
        for (String id : List.of("high-1", "high-2")) {
            long queued = outbox.pending() + 1;
            highs.add(actions.submit(() -> mailer.deliver(mail(id, "high"))));
            await().atMost(AWAIT).until(() -> outbox.pending() == queued);
            clock.advance(Duration.ofSeconds(1));
        }

        mailer.resume();

        await().atMost(AWAIT).until(() -> greenMail.getReceivedMessages().length == 5);
        assertThat(subjects(greenMail.getReceivedMessages())).containsExactly("subject high-1", "subject high-2",
                "subject normal-1", "subject normal-2", "subject normal-3");
        assertThat(highs).allSatisfy(f -> assertThat(f.get()).containsEntry("status", "sent"));
    }

    @Test
    void mail_outside_its_delivery_window_is_held_until_the_window_opens_in_its_time_zone() throws Exception {
        clock.set(Instant.parse("2026-03-02T05:00:00Z")); // 06:00 in Berlin (UTC+1 in March)
        DeliveryWindow office = new DeliveryWindow(LocalTime.of(8, 0), LocalTime.of(20, 0), ZoneId.of("Europe/Berlin"));
        OutboxMailer mailer = mailer();

        Map<String, Object> out = mailer.deliver(mail("report", "normal", office));

        assertThat(out).containsEntry("status", "queued").containsEntry("deliver_after", "2026-03-02T07:00:00.000Z")
                .containsEntry("delivery_window", "08:00-20:00 Europe/Berlin");
        clock.set(Instant.parse("2026-03-02T06:59:59Z"));
        assertThat(mailer.awaitIdle(AWAIT)).isTrue();
        assertThat(greenMail.getReceivedMessages()).isEmpty();

        clock.set(Instant.parse("2026-03-02T07:00:00Z"));
        mailer.wake();
        await().atMost(AWAIT).until(() -> greenMail.getReceivedMessages().length == 1);
    }

    @Test
    void a_window_across_midnight_holds_mail_through_the_day_and_sends_it_at_night() throws Exception {
        DeliveryWindow night = new DeliveryWindow(LocalTime.of(22, 0), LocalTime.of(6, 0), ZoneOffset.UTC);
        OutboxMailer mailer = mailer();

        assertThat(mailer.deliver(mail("batch", "normal", night))).containsEntry("deliver_after", "2026-03-02T22:00:00.000Z");
        clock.set(Instant.parse("2026-03-02T21:59:00Z"));
        assertThat(mailer.awaitIdle(AWAIT)).isTrue();
        assertThat(greenMail.getReceivedMessages()).isEmpty();

        clock.set(Instant.parse("2026-03-03T01:30:00Z"));
        mailer.wake();
        await().atMost(AWAIT).until(() -> greenMail.getReceivedMessages().length == 1);
    }

    @Test
    void high_priority_mail_does_not_wait_for_its_delivery_window() throws Exception {
        DeliveryWindow night = new DeliveryWindow(LocalTime.of(22, 0), LocalTime.of(6, 0), ZoneOffset.UTC);

        assertThat(mailer().deliver(mail("alarm", "high", night))).containsEntry("status", "sent");
    }

    @Test
    void an_id_is_queued_once_and_never_sent_twice() throws Exception {
        OutboxMailer mailer = mailer();
        mailer.deliver(mail("once", "high"));
        mailer.deliver(mail("twice", "normal"));
        assertThat(mailer.awaitIdle(AWAIT)).isTrue();

        Map<String, Object> again = mailer.deliver(mail("once", "high"));
        Map<String, Object> againNormal = mailer.deliver(mail("twice", "normal"));
        assertThat(mailer.awaitIdle(AWAIT)).isTrue();

        assertThat(again).containsEntry("status", "sent").containsEntry("repeated", true)
                .containsEntry("message_id", "<ex-1.once@example.test>");
        assertThat(againNormal).containsEntry("status", "sent").containsEntry("repeated", true);
        assertThat(subjects(greenMail.getReceivedMessages())).containsExactly("subject once", "subject twice");
    }

    @Test
    void an_unreachable_server_is_retried_with_backoff_until_it_answers() throws Exception {
        int port = Mails.freePort();
        OutboxMailer mailer = mailer(port, RetryPolicy.of(5, Duration.ofSeconds(30)));

        Map<String, Object> out = mailer.deliver(mail("patient", "high"));

        assertThat(out).containsEntry("status", "queued").containsEntry("attempts", 1).containsKey("deliver_after");
        assertThat((String) out.get("last_error")).startsWith("cannot reach the SMTP server 127.0.0.1:" + port);
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
        server.start();
        closeLater.add(server::stop);
        assertThat(mailer.awaitIdle(AWAIT)).isTrue();
        assertThat(server.getReceivedMessages()).as("held until the backoff has passed").isEmpty();

        clock.advance(Duration.ofMinutes(5));
        mailer.wake();

        await().atMost(AWAIT).until(() -> server.getReceivedMessages().length == 1);
        await().atMost(AWAIT).until(() -> outbox.find("ex-1:patient").orElseThrow().status() == OutboxStatus.SENT);
        assertThat(outbox.find("ex-1:patient").orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void mail_that_keeps_failing_is_given_up_after_the_last_attempt() throws Exception {
        OutboxMailer mailer = mailer(Mails.freePort(), RetryPolicy.of(2, Duration.ofSeconds(1)));
        mailer.deliver(mail("doomed", "normal"));
        await().atMost(AWAIT).until(() -> outbox.find("ex-1:doomed").orElseThrow().attempts() == 1);

        clock.advance(Duration.ofMinutes(1));
        mailer.wake();

        await().atMost(AWAIT).until(() -> outbox.find("ex-1:doomed").orElseThrow().status() == OutboxStatus.FAILED);
        assertThat(outbox.find("ex-1:doomed").orElseThrow().lastError()).startsWith("gave up after 2 attempts: cannot reach");
    }

    @Test
    void a_refusal_marks_the_mail_failed_with_the_servers_reply() throws Exception {
        ScriptedSmtpServer server = new ScriptedSmtpServer().rcptReply("550 5.1.1 <ann@example.test>: no such user");
        closeLater.add(server);
        OutboxMailer mailer = mailer(server.port(), RetryPolicy.of(5, Duration.ofSeconds(1)));

        assertThatThrownBy(() -> mailer.deliver(mail("bounced-high", "high")))
                .isInstanceOfSatisfying(ActionFailedException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("refused the message: 550 5.1.1 <ann@example.test>: no such user");
                });
        mailer.deliver(mail("bounced", "normal"));
        assertThat(mailer.awaitIdle(AWAIT)).isTrue();

        OutboxEntry failed = outbox.find("ex-1:bounced").orElseThrow();
        assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(failed.lastError()).contains("550 5.1.1");
        assertThatThrownBy(() -> mailer.deliver(mail("bounced", "normal")))
                .hasMessageStartingWith("this e-mail failed before and is not sent again: ");
    }
}
