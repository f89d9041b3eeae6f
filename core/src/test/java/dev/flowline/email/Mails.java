package dev.flowline.email;

import dev.flowline.action.EmailAction;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/** E-mails and SMTP settings for the e-mail tests. */
final class Mails {

    static final String FROM = "Flowline <flowline@example.test>";

    private Mails() {
    }

    static SmtpSettings settings(int port) {
        return SmtpSettings.builder("127.0.0.1", FROM).port(port).build();
    }

    static EmailMessage mail(String id, String priority) {
        return mail(id, priority, null);
    }

    static EmailMessage mail(String id, String priority, EmailAction.DeliveryWindow window) {
        return new EmailMessage("ex-1:" + id, "ex-1", "wf", List.of("ann@example.test"), List.of(), "subject " + id,
                "text of " + id, null, priority, window);
    }

    /** The subjects of the messages in the order the server received them. */
    static List<String> subjects(MimeMessage[] received) {
        return Arrays.stream(received).map(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
