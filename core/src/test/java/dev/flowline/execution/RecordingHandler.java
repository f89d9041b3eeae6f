package dev.flowline.execution;

import dev.flowline.action.ActionFailedException;
import dev.flowline.action.ActionHandler;
import dev.flowline.action.ActionInvocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A custom action type ({@code probe}) for tests: logs start and end of every attempt, tracks concurrency, and can
 * wait at a latch, sleep, or fail a given number of times first.
 *
 * <p>Config: {@code latch} (name of a latch to count down and wait on), {@code sleep_ms}, {@code fail_times},
 * {@code retryable} (default true), {@code echo} (returned as output).
 */
final class RecordingHandler implements ActionHandler {

    final List<String> log = new ArrayList<>();
    final Map<String, CountDownLatch> latches = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger maxRunning = new AtomicInteger();
    final AtomicInteger interrupted = new AtomicInteger();

    @Override
    public String type() {
        return "probe";
    }

    synchronized List<String> log() {
        return new ArrayList<>(log);
    }

    private synchronized void record(String entry) {
        log.add(entry);
    }

    @Override
    public Object execute(ActionInvocation inv) throws Exception {
        Map<String, Object> c = inv.config();
        record("start:" + inv.actionId());
        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            if (c.get("latch") instanceof String name) {
                CountDownLatch latch = latches.get(name);
                latch.countDown();
                if (!latch.await(20, TimeUnit.SECONDS)) {
                    throw new ActionFailedException("latch " + name + " never opened", false);
                }
            }
            if (c.get("sleep_ms") instanceof Number ms) {
                try {
                    Thread.sleep(ms.longValue());
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                    throw e;
                }
            }
            if (c.get("fail_times") instanceof Number n) {
                int failed = failures.computeIfAbsent(inv.executionId() + inv.actionId(), k -> new AtomicInteger())
                        .getAndIncrement();
                if (failed < n.intValue()) {
                    boolean retryable = !Boolean.FALSE.equals(c.get("retryable"));
                    throw new ActionFailedException("planned failure " + (failed + 1), retryable);
                }
            }
            return c.containsKey("echo") ? c.get("echo") : Map.of("attempt", inv.attempt(), "key", inv.idempotencyKey());
        } finally {
            running.decrementAndGet();
            record("end:" + inv.actionId());
        }
    }
}
