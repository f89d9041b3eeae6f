package dev.flowline.email;

import java.util.Locale;

/** Where an e-mail in the outbox stands. */
public enum OutboxStatus {
    /** Waiting to be sent (now, when its delivery window opens, or after a failed attempt). */
    QUEUED,
    /** Claimed by a sender that is handing it to the SMTP server. */
    SENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Refused for good (a 5xx reply) or given up after the last retry. */
    FAILED;

    /** The lower-case name used in JSON and in the store. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status with this {@link #jsonName()}. */
    public static OutboxStatus fromJsonName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
