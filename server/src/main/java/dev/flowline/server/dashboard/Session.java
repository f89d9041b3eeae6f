package dev.flowline.server.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * A signed-in dashboard session: an opaque random id (the cookie's value) and a token that every state-changing
 * form must send back, so another site cannot make a signed-in browser submit it (CSRF). Immutable.
 *
 * @param id        the session id, 256 random bits, URL-safe Base64
 * @param csrfToken the anti-forgery token, 256 random bits, URL-safe Base64
 * @param createdAt when the session was signed in
 */
public record Session(String id, String csrfToken, Instant createdAt) {

    /** Whether {@code candidate} is this session's anti-forgery token (constant-time comparison). */
    public boolean csrfMatches(String candidate) {
        return candidate != null && MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8),
                csrfToken.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        // never print the secrets (logs, error messages)
        return "Session[createdAt=" + createdAt + "]";
    }
}
