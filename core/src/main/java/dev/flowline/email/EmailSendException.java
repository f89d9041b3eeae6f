package dev.flowline.email;

import dev.flowline.FlowlineException;

/**
 * An e-mail could not be handed to the SMTP server.
 *
 * <p>{@link #permanent()} failures (a 5xx reply, an address the server refuses) fail the same way every time;
 * the others (no connection, a 4xx reply, a timeout) may succeed later. {@link #connectionLost()} tells whether the
 * connection itself failed, so the next message should not expect it to work either.
 */
public class EmailSendException extends FlowlineException {

    private final int replyCode;
    private final boolean permanent;
    private final boolean connectionLost;

    public EmailSendException(String message, int replyCode, boolean permanent, boolean connectionLost,
                              Throwable cause) {
        super(message, cause);
        this.replyCode = replyCode;
        this.permanent = permanent;
        this.connectionLost = connectionLost;
    }

    /** The SMTP reply code, or -1 when the server did not answer. */
    public int replyCode() {
        return replyCode;
    }

    /** Whether retrying cannot help (a 5xx reply or a malformed message). */
    public boolean permanent() {
        return permanent;
    }

    /** Whether the connection failed (refused, dropped, timed out) rather than the server refusing the message. */
    public boolean connectionLost() {
        return connectionLost;
    }
}
