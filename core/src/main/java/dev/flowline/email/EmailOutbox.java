package dev.flowline.email;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where e-mail waits to be sent: {@link InMemoryEmailOutbox} for embedded and offline use, a table of the store for
 * the service (so queued mail survives a restart). Entries are keyed by the message id; an id is stored once and
 * never removed, which is what keeps a retried or resumed execution from sending its mail twice.
 *
 * <p>Implementations must be thread-safe; {@link #claim} must be atomic, so that two senders (threads or nodes)
 * never both send one entry.
 */
public interface EmailOutbox {

    /** The outcome of {@link #add}: the entry stored under the id, and whether it is the one just added. */
    record Added(OutboxEntry entry, boolean added) {
    }

    /** Stores a new entry unless its id is known; then the stored entry comes back unchanged. */
    Added add(OutboxEntry entry);

    /** Queued entries due at {@code now}: high priority first, then oldest first; at most {@code limit}. */
    List<OutboxEntry> due(Instant now, int limit);

    /** When the earliest queued entry falls due; empty when nothing is queued. */
    Optional<Instant> nextDue();

    /** Takes a queued entry for sending (queued to sending); false when it is not queued any more. */
    boolean claim(String id, Instant now);

    /**
     * Claims several queued entries at once (one transaction in the store); the ids it took, in any order.
     * The default claims them one by one.
     */
    default Set<String> claimAll(List<String> ids, Instant now) {
        Set<String> claimed = new HashSet<>();
        for (String id : ids) {
            if (claim(id, now)) {
                claimed.add(id);
            }
        }
        return claimed;
    }

    /** A claimed entry was accepted by the server. */
    void sent(String id, Instant at);

    /**
     * Records several claimed entries as sent at once (one transaction in the store), each at its own time; the ids
     * recorded. An id missing from the result was no longer being sent (its claim had been released or taken), as
     * {@link #sent} would have reported. The default records them one by one.
     */
    default Set<String> sentAll(Map<String, Instant> sentAt) {
        Set<String> done = new HashSet<>();
        for (Map.Entry<String, Instant> e : sentAt.entrySet()) {
            try {
                sent(e.getKey(), e.getValue());
                done.add(e.getKey());
            } catch (RuntimeException notClaimed) {
                // reported through the result
            }
        }
        return done;
    }

    /** A claimed entry failed for good. */
    void failed(String id, String error, Instant at);

    /**
     * Puts a claimed entry back in the queue, due at {@code dueAt}.
     *
     * @param error     why, or null (its delivery window had closed)
     * @param attempted whether it reached for the server (counted in {@code attempts})
     */
    void requeue(String id, Instant dueAt, String error, boolean attempted);

    /** Returns entries claimed before {@code claimedBefore} (their sender died) to the queue; how many. */
    int releaseClaims(Instant claimedBefore);

    /** The entry with this id. */
    Optional<OutboxEntry> find(String id);

    /** Entries queued or being sent. */
    long pending();
}
