package dev.flowline.server.intake;

import dev.flowline.execution.Engine;
import dev.flowline.store.Store;
import dev.flowline.store.Store.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Feeds accepted events from the store to the engine in acceptance order, at most {@code maxInFlight} at a time,
 * and marks each processed once all its executions finished.
 *
 * <p>The store is the queue: memory holds only the in-flight window, however large the backlog. Events that were
 * accepted before this dispatcher started (left over from a crash) are submitted as replays, so the engine consults
 * the journal and resumes instead of repeating. Thread-safe; one dispatcher thread.
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final Store store;
    private final Engine engine;
    private final int maxInFlight;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong backlog = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private boolean signalled;
    private long lastSeq;
    /** Events up to this seq were accepted before this start and may be half-processed: they are replayed. */
    private long replayLimit;

    public Dispatcher(Store store, Engine engine, int maxInFlight) {
        this.store = store;
        this.engine = engine;
        this.maxInFlight = maxInFlight;
        this.backlog.set(store.unprocessedCount());
        this.thread = Thread.ofPlatform().name("flowline-dispatcher").daemon(true).unstarted(this::loop);
    }

    public void start() {
        thread.start();
    }

    /** Accepted events not yet processed (the queue depth). */
    public long backlog() {
        return backlog.get();
    }

    /** Events handed to the engine and not finished. */
    public long inFlight() {
        return inFlight.get();
    }

    /** Tells the dispatcher that {@code n} new events were accepted. */
    public void accepted(int n) {
        backlog.addAndGet(n);
        signal();
    }

    private void signal() {
        lock.lock();
        try {
            signalled = true;
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Finds the last event left unprocessed by a previous run (paging, so a big backlog is not held in memory). */
    private void findLeftovers() {
        long seq = 0;
        long count = 0;
        List<StoredEvent> page;
        do {
            page = store.unprocessedEvents(seq, 1000);
            if (!page.isEmpty()) {
                seq = page.getLast().seq();
                count += page.size();
            }
        } while (page.size() == 1000);
        replayLimit = seq;
        if (count > 0) {
            LOG.info("recovering {} event(s) accepted before this start", count);
        }
    }

    private void loop() {
        findLeftovers();
        while (running) {
            try {
                int room = (int) (maxInFlight - inFlight.get());
                if (room > 0) {
                    List<StoredEvent> batch = store.unprocessedEvents(lastSeq, Math.min(room, 500));
                    for (StoredEvent e : batch) {
                        submit(e);
                    }
                    if (batch.size() == Math.min(room, 500)) {
                        continue;
                    }
                }
                awaitSignal();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("dispatcher failed; retrying in 1 s", e);
                sleepQuietly();
            }
        }
    }

    private void submit(StoredEvent e) {
        lastSeq = e.seq();
        inFlight.incrementAndGet();
        boolean replay = e.seq() <= replayLimit;
        engine.submit(e.event(), replay, () -> {
            try {
                store.markProcessed(e.seq());
            } catch (RuntimeException ex) {
                LOG.error("could not mark event {} processed; it will be replayed after a restart", e.seq(), ex);
            } finally {
                backlog.decrementAndGet();
                inFlight.decrementAndGet();
                signal();
            }
        });
    }

    private void awaitSignal() throws InterruptedException {
        lock.lock();
        try {
            if (!signalled) {
                wake.await(200, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            signalled = false;
        } finally {
            lock.unlock();
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops taking events; waits up to {@code deadline} for in-flight ones to finish. */
    public boolean drain(Duration deadline) throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(1000);
        return engine.awaitIdle(deadline);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
