package dev.flowline.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for the store's small writes (execution journal, processed marks, notifications): callers hand in
 * their work and wait; one writer thread runs every queued work in one transaction, commits once, and only then
 * returns to all of them. A caller therefore gets exactly what {@link Database#write} promises (its work committed,
 * or an exception and nothing written), but hundreds of callers share one commit.
 *
 * <p>When a shared transaction fails (one work hit a duplicate key, say), it is rolled back and every work of it runs
 * again alone, so each caller gets its own outcome. Works must only touch the database (they may run twice, the first
 * time rolled back). Thread-safe.
 */
final class WriteBatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WriteBatcher.class);

    /** One caller's work; its value is held back until the transaction that computed it has committed. */
    private static final class Job<T> {
        private final String what;
        private final Database.Work<T> work;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private T value;

        Job(String what, Database.Work<T> work) {
            this.what = what;
            this.work = work;
        }

        void run(Connection c) throws SQLException {
            value = work.run(c);
        }

        void committed() {
            result.complete(value);
        }
    }

    private final Database db;
    private final int maxBatch;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<Job<?>> queue = new ArrayDeque<>();
    private final Thread writer;
    private long commits;
    private boolean closed;

    /** @param maxBatch most works one transaction takes */
    WriteBatcher(Database db, int maxBatch) {
        this.db = db;
        this.maxBatch = maxBatch;
        this.writer = Thread.ofPlatform().name("flowline-write-batcher").daemon().start(this::run);
    }

    /** Runs {@code work} in a shared transaction and returns its result once that transaction has committed. */
    <T> T write(String what, Database.Work<T> work) {
        Job<T> job = new Job<>(what, work);
        lock.lock();
        try {
            if (closed) {
                throw new StoreClosedException("the store is closed: cannot " + what);
            }
            queue.add(job);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
        try {
            return job.result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Writes waiting for the next shared transaction. */
    int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Transactions committed so far. */
    long commits() {
        lock.lock();
        try {
            return commits;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        for (List<Job<?>> batch = next(); !batch.isEmpty(); batch = next()) {
            write(batch);
        }
    }

    private List<Job<?>> next() {
        lock.lock();
        try {
            while (queue.isEmpty() && !closed) {
                notEmpty.awaitUninterruptibly();
            }
            List<Job<?>> batch = new ArrayList<>(Math.min(queue.size(), maxBatch));
            while (!queue.isEmpty() && batch.size() < maxBatch) {
                batch.add(queue.poll());
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    private void write(List<Job<?>> batch) {
        try {
            db.writeDirect("commit " + batch.size() + " grouped writes", c -> {
                for (Job<?> job : batch) {
                    job.run(c);
                }
                return null;
            });
        } catch (RuntimeException | Error e) {
            if (batch.size() == 1) {
                batch.getFirst().result.completeExceptionally(e);
            } else {
                LOG.debug("a shared transaction of {} writes failed ({}); writing each alone", batch.size(), e.toString());
                batch.forEach(this::writeAlone);
            }
            countCommit();
            return;
        }
        countCommit();
        batch.forEach(Job::committed);
    }

    /** Runs the work again in a transaction of its own (its shared run was rolled back). */
    private <T> void writeAlone(Job<T> job) {
        try {
            job.result.complete(db.writeDirect(job.what, job.work));
        } catch (RuntimeException | Error e) {
            job.result.completeExceptionally(e);
        }
    }

    private void countCommit() {
        lock.lock();
        try {
            commits++;
        } finally {
            lock.unlock();
        }
    }

    /** Lets the queued writes finish, then stops the writer; later writes fail with {@link StoreClosedException}. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
