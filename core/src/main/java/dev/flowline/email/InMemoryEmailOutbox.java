package dev.flowline.email;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link EmailOutbox} in memory, for an embedded engine and {@code flowline run}: queued mail is lost when the
 * process ends, and every id is remembered for the life of the process. Thread-safe.
 */
public final class InMemoryEmailOutbox implements EmailOutbox {

    private static final Comparator<Slot> ORDER = Comparator.<Slot>comparingInt(s -> s.entry.priorityRank())
            .thenComparing(s -> s.entry.createdAt()).thenComparingLong(s -> s.seq);

    private final Map<String, Slot> slots = new HashMap<>();
    private long seq;

    private static final class Slot {
        final long seq;
        OutboxEntry entry;
        Instant claimedAt;

        Slot(long seq, OutboxEntry entry) {
            this.seq = seq;
            this.entry = entry;
        }
    }

    @Override
    public synchronized Added add(OutboxEntry entry) {
        Slot known = slots.get(entry.id());
        if (known != null) {
            return new Added(known.entry, false);
        }
        slots.put(entry.id(), new Slot(++seq, entry));
        return new Added(entry, true);
    }

    @Override
    public synchronized List<OutboxEntry> due(Instant now, int limit) {
        return slots.values().stream()
                .filter(s -> s.entry.status() == OutboxStatus.QUEUED && !s.entry.dueAt().isAfter(now))
                .sorted(ORDER).limit(limit).map(s -> s.entry).toList();
    }

    @Override
    public synchronized Optional<Instant> nextDue() {
        return slots.values().stream().filter(s -> s.entry.status() == OutboxStatus.QUEUED)
                .map(s -> s.entry.dueAt()).min(Comparator.naturalOrder());
    }

    @Override
    public synchronized boolean claim(String id, Instant now) {
        Slot s = slots.get(id);
        if (s == null || s.entry.status() != OutboxStatus.QUEUED) {
            return false;
        }
        s.entry = s.entry.with(OutboxStatus.SENDING, s.entry.attempts(), s.entry.dueAt(), null, s.entry.lastError());
        s.claimedAt = now;
        return true;
    }

    @Override
    public synchronized void sent(String id, Instant at) {
        Slot s = claimed(id);
        s.entry = s.entry.with(OutboxStatus.SENT, s.entry.attempts() + 1, s.entry.dueAt(), at, null);
    }

    @Override
    public synchronized void failed(String id, String error, Instant at) {
        Slot s = claimed(id);
        s.entry = s.entry.with(OutboxStatus.FAILED, s.entry.attempts() + 1, s.entry.dueAt(), null, error);
    }

    @Override
    public synchronized void requeue(String id, Instant dueAt, String error, boolean attempted) {
        Slot s = claimed(id);
        s.entry = s.entry.with(OutboxStatus.QUEUED, s.entry.attempts() + (attempted ? 1 : 0), dueAt, null,
                error == null ? s.entry.lastError() : error);
        s.claimedAt = null;
    }

    @Override
    public synchronized int releaseClaims(Instant claimedBefore) {
        int n = 0;
        for (Slot s : slots.values()) {
            if (s.entry.status() == OutboxStatus.SENDING && s.claimedAt.isBefore(claimedBefore)) {
                s.entry = s.entry.with(OutboxStatus.QUEUED, s.entry.attempts(), s.entry.dueAt(), null,
                        s.entry.lastError());
                s.claimedAt = null;
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized Optional<OutboxEntry> find(String id) {
        Slot s = slots.get(id);
        return s == null ? Optional.empty() : Optional.of(s.entry);
    }

    @Override
    public synchronized long pending() {
        return slots.values().stream().filter(s -> s.entry.status() == OutboxStatus.QUEUED
                || s.entry.status() == OutboxStatus.SENDING).count();
    }

    /** Entries with this status. */
    public synchronized long count(OutboxStatus status) {
        return slots.values().stream().filter(s -> s.entry.status() == status).count();
    }

    private Slot claimed(String id) {
        Slot s = slots.get(id);
        if (s == null || s.entry.status() != OutboxStatus.SENDING) {
            throw new IllegalStateException("e-mail '" + id + "' is not being sent");
        }
        return s;
    }
}
