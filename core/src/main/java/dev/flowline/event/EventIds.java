package dev.flowline.event;

import java.security.SecureRandom;
import java.util.UUID;

/** Generates time-ordered unique ids (UUID version 7 layout). Thread-safe. */
public final class EventIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EventIds() {
    }

    /** A new id whose string form sorts roughly by creation time. */
    public static String next() {
        long millis = System.currentTimeMillis();
        long rand = RANDOM.nextLong();
        long msb = (millis << 16) | 0x7000L | ((rand >>> 52) & 0x0FFFL);
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
