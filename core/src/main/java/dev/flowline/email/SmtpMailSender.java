package dev.flowline.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Objects;
import java.util.Properties;

/**
 * Sends e-mail over one SMTP connection (Angus Mail), kept open and reused from message to message.
 *
 * <p>The connection opens with the first message. When it turns out to be gone at the next message (the server
 * closed an idle connection, or restarted), it is opened again and that message sent once more on the new
 * connection; only a failure of the fresh connection is reported. Failures come as {@link EmailSendException}:
 * a 5xx reply is permanent, everything else (no connection, 4xx, timeouts) may succeed later.
 *
 * <p>Thread-safe: messages are sent one at a time over the one connection.
 */
public final class SmtpMailSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailSender.class);

    private final SmtpSettings settings;
    private final Session session;
    private final Clock clock;
    private Transport transport;
    private long connectionsOpened;

    public SmtpMailSender(SmtpSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.session = Session.getInstance(properties(settings));
    }

    public SmtpSettings settings() {
        return settings;
    }

    /**
     * Sends one message with the given {@code Message-ID} header.
     *
     * @throws EmailSendException when the server did not accept it
     */
    public synchronized void send(EmailMessage message, String messageId) {
        MimeMessage mime = MimeMessages.build(session, settings.fromAddress(), message, messageId, clock.instant());
        boolean reused = transport != null;
        try {
            sendOnce(mime);
        } catch (EmailSendException e) {
            if (!reused || !e.connectionLost()) {
                throw e;
            }
            // the kept connection had gone away since the last message: one more try on a fresh one
            LOG.debug("SMTP connection to {} was lost ({}); reconnecting", settings.host(), e.getMessage());
            sendOnce(mime);
        }
    }

    /** How many connections were opened so far (1 while the first one keeps working). */
    public synchronized long connectionsOpened() {
        return connectionsOpened;
    }

    private void sendOnce(MimeMessage mime) {
        try {
            if (transport == null) {
                connect();
            }
            transport.sendMessage(mime, mime.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            EmailSendException failure = SmtpFailures.classify(e, lastReply(), settings);
            if (failure.connectionLost() || transport != null && !transport.isConnected()) {
                disconnect();
            }
            throw failure;
        }
    }

    private void connect() throws MessagingException {
        Transport t = session.getTransport("smtp");
        t.connect(settings.host(), settings.port(), settings.username(), settings.password());
        transport = t;
        connectionsOpened++;
    }

    private SmtpFailures.Reply lastReply() {
        return transport instanceof SMTPTransport smtp
                ? new SmtpFailures.Reply(smtp.getLastReturnCode(), smtp.getLastServerResponse()) : null;
    }

    private void disconnect() {
        Transport t = transport;
        transport = null;
        if (t != null) {
            try {
                t.close();
            } catch (MessagingException | RuntimeException e) {
                LOG.debug("closing the SMTP connection failed", e);
            }
        }
    }

    /** Closes the connection (with QUIT); the next message would open a new one. */
    @Override
    public synchronized void close() {
        disconnect();
    }

    private static Properties properties(SmtpSettings s) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", s.host());
        p.setProperty("mail.smtp.port", String.valueOf(s.port()));
        p.setProperty("mail.smtp.connectiontimeout", String.valueOf(s.connectTimeout().toMillis()));
        p.setProperty("mail.smtp.timeout", String.valueOf(s.readTimeout().toMillis()));
        p.setProperty("mail.smtp.writetimeout", String.valueOf(s.writeTimeout().toMillis()));
        p.setProperty("mail.smtp.from", s.fromAddress().getAddress());
        p.setProperty("mail.smtp.auth", String.valueOf(s.username() != null));
        switch (s.security()) {
            case NONE -> { }
            case STARTTLS -> {
                p.setProperty("mail.smtp.starttls.enable", "true");
                p.setProperty("mail.smtp.starttls.required", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case SSL -> {
                p.setProperty("mail.smtp.ssl.enable", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
        }
        return p;
    }
}
