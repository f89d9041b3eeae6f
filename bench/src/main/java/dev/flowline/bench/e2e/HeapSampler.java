package dev.flowline.bench.e2e;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the used heap every 20 ms on a daemon thread and keeps the highest value: the peak heap of a phase,
 * garbage included (an upper bound of the live data). Thread-safe.
 */
final class HeapSampler implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    HeapSampler() {
        thread = Thread.ofPlatform().daemon().name("bench-heap-sampler").start(() -> {
            while (running) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Starts a new phase: the peak so far is forgotten. */
    void reset() {
        peak.set(memory.getHeapMemoryUsage().getUsed());
    }

    double peakMib() {
        return peak.get() / (1024.0 * 1024.0);
    }

    static double maxHeapMib() {
        return Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
