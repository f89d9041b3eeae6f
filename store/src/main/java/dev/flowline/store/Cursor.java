package dev.flowline.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A position in a newest-first listing: the time and id of the last item of a page. Its text form is opaque to
 * callers (URL-safe base64 of {@code millis:id}); the next page starts strictly after it, so items added meanwhile
 * cause neither duplicates nor gaps.
 *
 * @param at the last item's time, to the millisecond
 * @param id the last item's id (the tie-break between equal times)
 */
record Cursor(Instant at, String id) {

    String encode() {
        String raw = at.toEpochMilli() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor this class encoded; null for null (the first page). */
    static Cursor decode(String text) {
        if (text == null) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            if (colon > 0) {
                return new Cursor(Instant.ofEpochMilli(Long.parseLong(raw.substring(0, colon))),
                        raw.substring(colon + 1));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below; NumberFormatException is an IllegalArgumentException
        }
        throw new InvalidQueryException("invalid cursor '" + text
                + "': pass the next_cursor of the previous page unchanged, or no cursor for the first page");
    }

    /** Clamps a page size to 1..500. */
    static int clampLimit(int limit) {
        return Math.max(1, Math.min(500, limit));
    }
}
