package dev.flowline.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns what Angus Mail throws into an {@link EmailSendException} that says whether a retry may help. Stateless. */
final class SmtpFailures {

    private static final Pattern LEADING_CODE = Pattern.compile("^\\s*([2-5]\\d\\d)[ -]");

    /** The server's last reply on the connection, when there was one. */
    record Reply(int code, String text) {
    }

    private SmtpFailures() {
    }

    static EmailSendException classify(Exception e, Reply last, SmtpSettings settings) {
        Reply reply = replyOf(e);
        // Angus reports a connection the server closed while it waited for a reply as a send failure with no reply
        // code ("[EOF]", code -1): the connection is lost, the message may go through on a new one
        boolean eof = reply != null && reply.code() < 0;
        if (eof) {
            reply = null;
        }
        boolean io = eof || e instanceof MailConnectException || e instanceof IllegalStateException || causedByIo(e);
        if (reply == null && !io && last != null && last.code() >= 400) {
            reply = last;
        }
        String server = settings.host() + ":" + settings.port();
        if (reply != null && reply.code() >= 500) {
            return new EmailSendException("the SMTP server " + server + " refused the message: " + text(reply),
                    reply.code(), true, false, e);
        }
        if (reply != null && reply.code() >= 400) {
            return new EmailSendException("the SMTP server " + server + " deferred the message: " + text(reply),
                    reply.code(), false, false, e);
        }
        if (io) {
            return new EmailSendException("cannot reach the SMTP server " + server + ": " + describe(e), -1, false,
                    true, e);
        }
        return new EmailSendException("sending through the SMTP server " + server + " failed: " + describe(e), -1,
                false, false, e);
    }

    /** The SMTP reply an exception (or one chained to it) carries. */
    private static Reply replyOf(Exception e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            switch (x) {
                case SMTPSendFailedException f -> {
                    return new Reply(f.getReturnCode(), f.getMessage());
                }
                case SMTPAddressFailedException f -> {
                    return new Reply(f.getReturnCode(), f.getMessage());
                }
                case SMTPSenderFailedException f -> {
                    return new Reply(f.getReturnCode(), f.getMessage());
                }
                case AuthenticationFailedException f -> {
                    Matcher m = LEADING_CODE.matcher(String.valueOf(f.getMessage()));
                    if (m.find()) {
                        return new Reply(Integer.parseInt(m.group(1)), f.getMessage());
                    }
                }
                default -> { }
            }
        }
        return null;
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String text(Reply reply) {
        return reply.text() == null ? String.valueOf(reply.code()) : reply.text().strip();
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e && root.getMessage() != null && !sb.toString().contains(root.getMessage())) {
            sb.append(" (").append(root.getMessage()).append(')');
        }
        return sb.toString().strip();
    }
}
