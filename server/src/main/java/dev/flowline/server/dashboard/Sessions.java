package dev.flowline.server.dashboard;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard's sessions, kept in memory: a restart signs everyone out (the start-up link signs in again).
 *
 * <p>A session ends after {@code idleTimeout} without a request, or when signed out. At most {@code maxSessions}
 * live at once; beyond that the least recently used is dropped, so repeated sign-ins cannot exhaust memory.
 * Thread-safe.
 */
public final class Sessions {

    private static final class Entry {
        final Session session;
        volatile Instant lastUsed;

        Entry(Session session, Instant lastUsed) {
            this.session = session;
            this.lastUsed = lastUsed;
        }
    }

    private final Clock clock;
    private final Duration idleTimeout;
    private final int maxSessions;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> byId = new ConcurrentHashMap<>();

    public Sessions(Clock clock, Duration idleTimeout, int maxSessions) {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
        }
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1, was " + maxSessions);
        }
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.maxSessions = maxSessions;
    }

    /** Starts a new session with fresh random id and anti-forgery token. */
    public Session create() {
        Instant now = clock.instant();
        Session s = new Session(randomToken(), randomToken(), now);
        byId.put(s.id(), new Entry(s, now));
        if (byId.size() > maxSessions) {
            evict(now);
        }
        return s;
    }

    /** The live session with this id (and marks it used), or empty when unknown, ended or idle too long. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Entry e = byId.get(id);
        if (e == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(e, now)) {
            byId.remove(id, e);
            return Optional.empty();
        }
        e.lastUsed = now;
        return Optional.of(e.session);
    }

    /** Ends a session (signing out); unknown ids are ignored. */
    public void end(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    /** Live sessions (for tests and the health page). */
    public int size() {
        return byId.size();
    }

    private boolean expired(Entry e, Instant now) {
        return !e.lastUsed.plus(idleTimeout).isAfter(now);
    }

    private synchronized void evict(Instant now) {
        byId.values().removeIf(e -> expired(e, now));
        while (byId.size() > maxSessions) {
            byId.entrySet().stream().min(Comparator.comparing(x -> x.getValue().lastUsed))
                    .ifPresent(oldest -> byId.remove(oldest.getKey(), oldest.getValue()));
        }
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
