package dev.flowline.execution;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Runs tasks one at a time per key, in submission order, and different keys in parallel.
 *
 * <p>This is how events of one entity are processed in the order accepted while different entities proceed
 * concurrently. A key with nothing queued holds no thread. Thread-safe.
 */
final class EntitySequencer {

    private static final Logger LOG = LoggerFactory.getLogger(EntitySequencer.class);

    private final Executor executor;
    private final Map<String, ArrayDeque<Runnable>> queues = new HashMap<>();
    private long pending;

    EntitySequencer(Executor executor) {
        this.executor = executor;
    }

    void submit(String key, Runnable task) {
        synchronized (this) {
            pending++;
            ArrayDeque<Runnable> queue = queues.get(key);
            if (queue != null) {
                queue.add(task);
                return;
            }
            queues.put(key, new ArrayDeque<>());
        }
        executor.execute(() -> drain(key, task));
    }

    private void drain(String key, Runnable first) {
        Runnable task = first;
        while (task != null) {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("task for {} failed", key.replace('\u0000', ':'), e);
            }
            synchronized (this) {
                pending--;
                ArrayDeque<Runnable> queue = queues.get(key);
                task = queue.poll();
                if (task == null) {
                    queues.remove(key);
                }
                if (pending == 0) {
                    notifyAll();
                }
            }
        }
    }

    /** Tasks submitted and not yet finished. */
    synchronized long pending() {
        return pending;
    }

    /** Waits until no task is queued or running; false on timeout. */
    synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
