package dev.flowline.store;

import dev.flowline.event.EntityEvent;
import dev.flowline.store.Store.Accepted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Accepts events with group commit: callers queue their events; one writer thread takes every queued call, inserts
 * all their events in one transaction, commits once and then completes all their futures, while the next calls
 * queue up for the next commit. The queue is bounded: a full queue fails the call at once with
 * {@link StoreBusyException}. Thread-safe.
 */
final class EventWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);
    private static final int DUPLICATE_RETRIES = 10;

    private record Request(List<EntityEvent> events, CompletableFuture<List<Accepted>> result) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private final Database db;
    private final EventTable events;
    private final Clock clock;
    private final int capacity;
    private final int maxBatchEvents;
    private final AtomicLong commits = new AtomicLong();
    // callers' continuations run here, never on the writer thread, so a slow one cannot hold up the next commit
    private final ExecutorService completions = Executors.newVirtualThreadPerTaskExecutor();
    private final Thread writer;
    private boolean closed;

    EventWriter(Database db, EventTable events, Clock clock, int capacity, int maxBatchEvents) {
        this.db = db;
        this.events = events;
        this.clock = clock;
        this.capacity = capacity;
        this.maxBatchEvents = maxBatchEvents;
        this.writer = Thread.ofPlatform().name("flowline-event-writer").daemon().start(this::run);
    }

    CompletableFuture<List<Accepted>> submit(List<EntityEvent> batch) {
        Request request = new Request(List.copyOf(batch), new CompletableFuture<>());
        lock.lock();
        try {
            if (closed) {
                return CompletableFuture.failedFuture(closedException());
            }
            if (queue.size() >= capacity) {
                return CompletableFuture.failedFuture(new StoreBusyException(capacity));
            }
            queue.add(request);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
        return request.result();
    }

    /** Transactions committed so far, each holding one or more calls. */
    long commits() {
        return commits.get();
    }

    private void run() {
        for (List<Request> batch = next(); !batch.isEmpty(); batch = next()) {
            write(batch);
        }
    }

    /** Waits for calls and takes as many as fit in one transaction (at least one); empty once closed. */
    private List<Request> next() {
        lock.lock();
        try {
            while (queue.isEmpty() && !closed) {
                notEmpty.awaitUninterruptibly();
            }
            List<Request> batch = new ArrayList<>();
            int size = 0;
            while (!closed && !queue.isEmpty()
                    && (batch.isEmpty() || size + queue.peek().events().size() <= maxBatchEvents)) {
                Request r = queue.poll();
                batch.add(r);
                size += r.events().size();
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    private void write(List<Request> batch) {
        List<EntityEvent> all = new ArrayList<>();
        batch.forEach(r -> all.addAll(r.events()));
        List<Accepted> accepted;
        try {
            accepted = insert(all);
        } catch (RuntimeException e) {
            LOG.error("could not store {} accepted events", all.size(), e);
            batch.forEach(r -> completions.execute(() -> r.result().completeExceptionally(e)));
            return;
        }
        int from = 0;
        for (Request r : batch) {
            List<Accepted> mine = accepted.subList(from, from + r.events().size());
            from += r.events().size();
            completions.execute(() -> r.result().complete(mine));
        }
    }

    private List<Accepted> insert(List<EntityEvent> all) {
        for (int attempt = 1; ; attempt++) {
            try {
                List<Accepted> accepted = db.writeDirect("store " + all.size() + " accepted events",
                        c -> List.copyOf(events.insert(c, all, clock.instant())));
                commits.incrementAndGet();
                return accepted;
            } catch (Database.DuplicateKeyException e) {
                // another node inserted one of these event ids after our check: run again, it is a duplicate now
                if (attempt == DUPLICATE_RETRIES) {
                    throw e;
                }
                LOG.debug("another writer stored some of {} events first (attempt {}); writing again", all.size(),
                        attempt);
            }
        }
    }

    /** Fails the calls still queued, lets the transaction in progress finish, and stops the writer. */
    @Override
    public void close() {
        List<Request> pending;
        lock.lock();
        try {
            closed = true;
            pending = new ArrayList<>(queue);
            queue.clear();
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
        pending.forEach(r -> r.result().completeExceptionally(closedException()));
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        completions.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static StoreClosedException closedException() {
        return new StoreClosedException("the store is closed: the events were not accepted");
    }
}
