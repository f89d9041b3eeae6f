package dev.flowline.bench.e2e;

import dev.flowline.event.EntityEvent;
import dev.flowline.server.intake.EventIntake;
import dev.flowline.server.intake.OverloadedException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends the case study's events through {@link EventIntake#accept(List)} from several producer threads, either as
 * fast as intake takes them or at a fixed rate. Each producer owns a share of the orders and sends each order's
 * events in lifecycle order, interleaving orders at different stages as a shop's day does (order n is created while
 * order n-20 is paid, n-40 is viewed, ...). A 429 ("overloaded") makes the producer back off and send again.
 * One run at a time; not thread-safe.
 */
final class LoadDriver {

    private static final int LAG = 20;

    private final EventIntake intake;
    private final Metrics metrics;
    private final int producers;
    private final int batchSize;
    private final LongAdder sent = new LongAdder();
    private final LongAdder retries = new LongAdder();

    LoadDriver(EventIntake intake, Metrics metrics, int producers, int batchSize) {
        this.intake = intake;
        this.metrics = metrics;
        this.producers = producers;
        this.batchSize = batchSize;
    }

    long sent() {
        return sent.sum();
    }

    long overloadRetries() {
        return retries.sum();
    }

    /**
     * Sends every event of orders 0 to {@code orders - 1} and returns when intake has acknowledged them all.
     *
     * @param eventsPerSecond total rate over all producers, or 0 for as fast as possible
     */
    void run(int orders, double eventsPerSecond) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        AtomicLong failure = new AtomicLong();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            threads.add(Thread.ofPlatform().name("bench-producer-" + p).start(() -> {
                try {
                    produce(producer, orders, eventsPerSecond / producers);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    failure.incrementAndGet();
                    throw e;
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() > 0) {
            throw new IllegalStateException("a producer failed; see the stack trace above");
        }
    }

    private void produce(int producer, int orders, double rate) throws InterruptedException {
        OrderDay day = metrics.day();
        int mine = orders / producers + (producer < orders % producers ? 1 : 0);
        int batch = rate > 0 ? (int) Math.max(1, Math.min(batchSize, rate * 0.005)) : batchSize;
        List<EntityEvent> events = new ArrayList<>(batch);
        long[] indexes = new long[batch];
        long start = System.nanoTime();
        long count = 0;
        for (int tick = 0; tick < mine + 5 * LAG; tick++) {
            for (int step = OrderDay.EVENTS_PER_ORDER - 1; step >= 0; step--) {
                int j = tick - step * LAG;
                if (j < 0 || j >= mine) {
                    continue;
                }
                int n = j * producers + producer;
                indexes[events.size()] = (long) n * OrderDay.EVENTS_PER_ORDER + step;
                events.add(day.event(n, step));
                if (events.size() == batch) {
                    count += events.size();
                    send(events, indexes, rate, start, count);
                    events.clear();
                }
            }
        }
        if (!events.isEmpty()) {
            count += events.size();
            send(events, indexes, rate, start, count);
        }
    }

    private void send(List<EntityEvent> events, long[] indexes, double rate, long start, long countAfter)
            throws InterruptedException {
        long stamp;
        if (rate > 0) {
            // the batch is due when the events before it have had their share of time
            long due = start + (long) ((countAfter - events.size()) / rate * 1e9);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            // latency counts from when the event was due, so a producer held up by a slow intake does not hide the
            // wait (no "coordinated omission")
            stamp = due;
        } else {
            stamp = System.nanoTime();
        }
        // and from the first attempt to send, so time spent backing off from a 429 is included
        metrics.sent(indexes, events.size(), stamp);
        while (true) {
            try {
                intake.accept(List.copyOf(events));
                sent.add(events.size());
                return;
            } catch (OverloadedException e) {
                retries.increment();
                Thread.sleep(20);
            }
        }
    }
}
