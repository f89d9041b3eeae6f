package dev.flowline.email;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.util.List;

import static dev.flowline.email.Mails.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SMTP connection against a real SMTP server (GreenMail). */
class SmtpMailSenderTest {

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private SmtpMailSender sender(int port) {
        return new SmtpMailSender(Mails.settings(port), Clock.systemUTC());
    }

    @Test
    void one_connection_carries_many_messages() throws Exception {
        try (SmtpMailSender smtp = sender(greenMail.getSmtp().getPort())) {
            for (int i = 0; i < 5; i++) {
                smtp.send(mail("m" + i, "normal"), "<m" + i + "@example.test>");
            }
            assertThat(smtp.connectionsOpened()).isEqualTo(1);
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(5);
    }

    @Test
    void the_message_carries_the_given_message_id_and_both_bodies() throws Exception {
        EmailMessage both = new EmailMessage("ex-9:send", "ex-9", "wf", List.of("ann@example.test"),
                List.of("bob@example.test"), "Grüße 📦", "plain ✓", "<p>rich ✓</p>", "high", null);
        try (SmtpMailSender smtp = sender(greenMail.getSmtp().getPort())) {
            smtp.send(both, "<ex-9.send@example.test>");
        }
        MimeMessage got = greenMail.getReceivedMessages()[0];
        assertThat(got.getMessageID()).isEqualTo("<ex-9.send@example.test>");
        assertThat(got.getSubject()).isEqualTo("Grüße 📦");
        assertThat(got.getHeader("X-Flowline-Id")).containsExactly("ex-9:send");
        assertThat(GreenMailUtil.getBody(got)).contains("plain").contains("rich");
        assertThat(got.getContentType()).startsWith("multipart/alternative");
    }

    @Test
    void a_connection_the_server_dropped_is_opened_again_for_the_next_message() {
        int port = Mails.freePort();
        GreenMail first = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
        first.start();
        try (SmtpMailSender smtp = sender(port)) {
            smtp.send(mail("before", "normal"), "<before@example.test>");
            first.stop();
            GreenMail second = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
            second.start();
            try {
                smtp.send(mail("after", "normal"), "<after@example.test>");
                assertThat(Mails.subjects(second.getReceivedMessages())).containsExactly("subject after");
                assertThat(smtp.connectionsOpened()).isEqualTo(2);
            } finally {
                second.stop();
            }
        }
    }

    @Test
    void a_connection_closed_without_a_reply_at_the_next_message_is_opened_again_and_the_message_sent() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(); SmtpMailSender smtp = sender(server.port())) {
            smtp.send(mail("before", "normal"), "<before@example.test>");
            server.hangUpAtNextMail();

            smtp.send(mail("after", "normal"), "<after@example.test>");

            assertThat(server.accepted()).isEqualTo(2);
            assertThat(smtp.connectionsOpened()).isEqualTo(2);
        }
    }

    @Test
    void an_unreachable_server_is_a_lost_connection_that_may_pass() {
        try (SmtpMailSender smtp = sender(Mails.freePort())) {
            assertThatThrownBy(() -> smtp.send(mail("m", "normal"), "<m@example.test>"))
                    .isInstanceOfSatisfying(EmailSendException.class, e -> {
                        assertThat(e.permanent()).isFalse();
                        assertThat(e.connectionLost()).isTrue();
                        assertThat(e.getMessage()).startsWith("cannot reach the SMTP server 127.0.0.1:");
                    });
        }
    }

    @Test
    void wrong_credentials_are_refused_for_good_with_the_servers_reply() {
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withUser("flowline", "right"));
        SmtpSettings wrong = SmtpSettings.builder("127.0.0.1", Mails.FROM).port(greenMail.getSmtp().getPort())
                .credentials("flowline", "wrong").build();
        try (SmtpMailSender smtp = new SmtpMailSender(wrong, Clock.systemUTC())) {
            assertThatThrownBy(() -> smtp.send(mail("m", "normal"), "<m@example.test>"))
                    .isInstanceOfSatisfying(EmailSendException.class, e -> {
                        assertThat(e.permanent()).isTrue();
                        assertThat(e.replyCode()).isEqualTo(535);
                        assertThat(e.getMessage()).contains("refused the message: 535");
                    });
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_refused_mailbox_is_refused_for_good_and_the_connection_serves_the_next_message() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer().rcptReply("550 5.1.1 <ann@example.test>: no such user");
             SmtpMailSender smtp = sender(server.port())) {
            assertThatThrownBy(() -> smtp.send(mail("m", "normal"), "<m@example.test>"))
                    .isInstanceOfSatisfying(EmailSendException.class, e -> {
                        assertThat(e.permanent()).isTrue();
                        assertThat(e.replyCode()).isEqualTo(550);
                        assertThat(e.getMessage()).contains("550 5.1.1 <ann@example.test>: no such user");
                    });
            server.rcptReply("250 ok");
            smtp.send(mail("next", "normal"), "<next@example.test>");
            assertThat(server.accepted()).isEqualTo(1);
            assertThat(smtp.connectionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void a_4xx_reply_is_a_failure_that_may_pass() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer().dataReply("451 4.3.0 disk full, try later");
             SmtpMailSender smtp = sender(server.port())) {
            assertThatThrownBy(() -> smtp.send(mail("m", "normal"), "<m@example.test>"))
                    .isInstanceOfSatisfying(EmailSendException.class, e -> {
                        assertThat(e.permanent()).isFalse();
                        assertThat(e.connectionLost()).isFalse();
                        assertThat(e.replyCode()).isEqualTo(451);
                        assertThat(e.getMessage()).contains("deferred the message: 451 4.3.0 disk full");
                    });
        }
    }
}
