package dev.flowline.email;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Builds the MIME message for an {@link EmailMessage}: UTF-8 text and/or HTML, and a fixed {@code Message-ID}.
 * Stateless.
 */
final class MimeMessages {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private MimeMessages() {
    }

    /**
     * The message as sent.
     *
     * @throws EmailSendException (permanent) when an address cannot be used
     */
    static MimeMessage build(Session session, InternetAddress from, EmailMessage m, String messageId, Instant now) {
        try {
            MimeMessage mime = new FixedIdMessage(session, messageId);
            mime.setFrom(from);
            mime.setRecipients(Message.RecipientType.TO, addresses(m.to()));
            if (!m.cc().isEmpty()) {
                mime.setRecipients(Message.RecipientType.CC, addresses(m.cc()));
            }
            mime.setSubject(m.subject(), UTF_8);
            mime.setSentDate(Date.from(now));
            // RFC 3834: machine-sent; keeps auto-responders from answering
            mime.setHeader("Auto-Submitted", "auto-generated");
            mime.setHeader("X-Flowline-Id", m.id());
            body(mime, m.text(), m.html());
            mime.saveChanges();
            return mime;
        } catch (MessagingException e) {
            throw new EmailSendException("cannot build e-mail " + m.id() + ": " + e.getMessage(), -1, true, false, e);
        }
    }

    private static void body(MimeMessage mime, String text, String html) throws MessagingException {
        if (text != null && html != null) {
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, UTF_8);
            MimeBodyPart rich = new MimeBodyPart();
            rich.setText(html, UTF_8, "html");
            mime.setContent(new MimeMultipart("alternative", plain, rich));
        } else if (html != null) {
            mime.setText(html, UTF_8, "html");
        } else {
            mime.setText(text == null ? "" : text, UTF_8);
        }
    }

    private static InternetAddress[] addresses(List<String> list) throws MessagingException {
        InternetAddress[] out = new InternetAddress[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new InternetAddress(list.get(i), true);
        }
        return out;
    }

    /** Keeps the Message-ID Flowline chose instead of a random one, so a resend carries the same id. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
