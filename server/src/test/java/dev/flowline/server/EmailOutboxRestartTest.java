package dev.flowline.server;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.flowline.action.EmailAction.DeliveryWindow;
import dev.flowline.email.EmailMessage;
import dev.flowline.email.OutboxEntry;
import dev.flowline.email.OutboxMailer;
import dev.flowline.email.OutboxStatus;
import dev.flowline.email.SmtpMailSender;
import dev.flowline.email.SmtpSettings;
import dev.flowline.store.JdbcStore;
import dev.flowline.testing.SettableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The store's e-mail outbox keeps queued mail through a restart (H2 file store closed and opened again). */
class EmailOutboxRestartTest {

    private static final Duration AWAIT = Duration.ofSeconds(20);

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path data;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T12:00:00Z"));

    private OutboxMailer mailer(JdbcStore store) {
        SmtpSettings smtp = SmtpSettings.builder("127.0.0.1", "shop@example.test").port(greenMail.getSmtp().getPort())
                .build();
        return OutboxMailer.builder(new SmtpMailSender(smtp, clock), store.emailOutbox()).clock(clock).build();
    }

    private static EmailMessage mail(String id, DeliveryWindow window) {
        return new EmailMessage("ex-1:" + id, "ex-1", "wf", List.of("ann@example.test"), List.of(), "subject " + id,
                "text", null, "normal", window);
    }

    @Test
    void mail_queued_before_a_restart_is_sent_after_it_and_never_twice() throws Exception {
        DeliveryWindow evening = new DeliveryWindow(LocalTime.of(18, 0), LocalTime.of(22, 0), ZoneOffset.UTC);
        try (JdbcStore store = JdbcStore.h2(data); OutboxMailer mailer = mailer(store).start()) {
            assertThat(mailer.deliver(mail("report", evening))).containsEntry("status", "queued");
            assertThat(mailer.awaitIdle(AWAIT)).isTrue();
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();

        clock.set(Instant.parse("2026-03-02T18:00:00Z"));
        try (JdbcStore store = JdbcStore.h2(data); OutboxMailer mailer = mailer(store).start()) {
            await().atMost(AWAIT).until(() -> greenMail.getReceivedMessages().length == 1);
            await().atMost(AWAIT).until(() -> store.emailOutbox().find("ex-1:report").orElseThrow().status()
                    == OutboxStatus.SENT);

            Map<String, Object> again = mailer.deliver(mail("report", evening));

            assertThat(again).containsEntry("status", "sent").containsEntry("repeated", true);
            assertThat(mailer.awaitIdle(AWAIT)).isTrue();
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void mail_whose_sender_died_while_sending_is_sent_once_its_claim_has_expired() throws Exception {
        try (JdbcStore store = JdbcStore.h2(data)) {
            OutboxEntry entry = OutboxEntry.queued(mail("interrupted", null), "<ex-1.interrupted@example.test>",
                    clock.instant(), clock.instant());
            store.emailOutbox().add(entry);
            store.emailOutbox().claim(entry.id(), clock.instant()); // and then the process died
        }

        clock.advance(Duration.ofMinutes(6));
        try (JdbcStore store = JdbcStore.h2(data); OutboxMailer mailer = mailer(store).start()) {
            await().atMost(AWAIT).until(() -> greenMail.getReceivedMessages().length == 1);
            assertThat(greenMail.getReceivedMessages()[0].getMessageID()).isEqualTo("<ex-1.interrupted@example.test>");
        }
    }
}
