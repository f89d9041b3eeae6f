package dev.flowline.email;

import dev.flowline.action.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The one thread that drains the outbox: high priority first, then oldest first; mail outside its delivery window
 * goes back to wait for the window; failures are retried with backoff, permanent ones marked failed.
 *
 * <p>It sleeps until the next entry falls due, at most {@code pollInterval} (so mail queued by another node, or a
 * clock moved by a test, is seen), and wakes at once on {@link #wake()}. After a lost connection it holds all mail
 * until the backoff has passed instead of trying every queued message against a server that is down.
 *
 * <p>It claims up to {@value #BATCH} due entries in one transaction, sends them one after another over the one
 * connection, and records them sent in one transaction at the end of the batch (at once for high priority mail,
 * whose caller waits for it): two commits per batch instead of two per message. A crash between sending and
 * recording sends those messages again, with the same {@code Message-ID}, after the claim timeout — the outbox was
 * at-least-once before (a crash between the server's reply and the record), the window is now up to a batch.
 * Claims are not renewed while a batch is sent: a batch that took longer than the claim timeout (minutes, for 20
 * messages) could see another node release its claims and send them too.
 * Thread-safe.
 */
final class OutboxSender implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 20;

    private final SmtpMailSender smtp;
    private final EmailOutbox outbox;
    private final Clock clock;
    private final RetryPolicy retry;
    private final Duration pollInterval;
    private final Duration claimTimeout;
    private final Consumer<String> processed;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final AtomicBoolean urgent = new AtomicBoolean();
    private boolean woken;
    private boolean paused;
    private boolean closed;
    private boolean busy;
    private volatile Instant holdUntil = Instant.MIN;
    private int connectionFailures;

    OutboxSender(SmtpMailSender smtp, EmailOutbox outbox, Clock clock, RetryPolicy retry, Duration pollInterval,
                 Duration claimTimeout, Consumer<String> processed) {
        this.smtp = smtp;
        this.outbox = outbox;
        this.clock = clock;
        this.retry = retry;
        this.pollInterval = pollInterval;
        this.claimTimeout = claimTimeout;
        this.processed = processed;
    }

    @Override
    public void run() {
        while (awaitRunnable()) {
            try {
                drain();
            } catch (RuntimeException e) {
                LOG.warn("e-mail outbox: draining failed; trying again shortly", e);
            }
            sleep();
        }
    }

    /** Looks at the outbox now; {@code urgentMail} when high priority mail was just queued. */
    void wake(boolean urgentMail) {
        if (urgentMail) {
            urgent.set(true);
        }
        lock.lock();
        try {
            woken = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void pause(boolean pause) {
        lock.lock();
        try {
            paused = pause;
            woken = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until nothing is due or being sent; mail held for its window or a retry, or while the server is
     * unreachable, does not count. False on timeout.
     */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        wake(false);
        while (true) {
            lock.lock();
            try {
                if (!busy && !woken) {
                    Instant now = clock.instant();
                    if (now.isBefore(holdUntil) || outbox.due(now, 1).isEmpty()) {
                        return true;
                    }
                    // mail is due while the sender sleeps: wake it. (Waking it at every turn, as this did before,
                    // could keep it from ever being seen idle: each wake starts another round.)
                    wake(false);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
            } finally {
                lock.unlock();
            }
        }
    }

    private boolean awaitRunnable() {
        lock.lock();
        try {
            while (paused && !closed) {
                changed.awaitUninterruptibly();
            }
            busy = !closed;
            return !closed;
        } finally {
            lock.unlock();
        }
    }

    private boolean stopping() {
        lock.lock();
        try {
            return paused || closed;
        } finally {
            lock.unlock();
        }
    }

    private void drain() {
        Instant now = clock.instant();
        outbox.releaseClaims(now.minus(claimTimeout));
        if (now.isBefore(holdUntil)) {
            return;
        }
        urgent.set(false);
        List<OutboxEntry> due = outbox.due(now, BATCH);
        if (due.isEmpty()) {
            return;
        }
        Set<String> claimed = outbox.claimAll(due.stream().map(OutboxEntry::id).toList(), now);
        Map<String, Instant> sent = new LinkedHashMap<>();
        // claimed entries whose outcome is recorded (sent, failed, requeued): the others go back to the queue below
        Set<String> settled = new HashSet<>();
        try {
            for (OutboxEntry e : due) {
                if (!claimed.contains(e.id())) {
                    continue;
                }
                if (stopping()) {
                    return;
                }
                boolean goOn = process(e, sent);
                settled.add(e.id());
                if (!goOn) {
                    return; // the connection failed: the rest waits for the backoff
                }
                if (e.high()) {
                    recordSent(sent); // its caller is waiting for it
                }
                if (urgent.get() && !e.high()) {
                    return; // high priority mail arrived: look again so it goes next
                }
            }
        } finally {
            try {
                recordSent(sent);
            } finally {
                release(due, claimed, settled);
            }
        }
    }

    /**
     * Puts the claimed entries of a batch that were not settled back in the queue as they were (due as before, no
     * attempt counted), whatever ended the batch early: stopping, a lost connection, urgent mail, or a failure.
     */
    private void release(List<OutboxEntry> batch, Set<String> claimed, Set<String> settled) {
        for (OutboxEntry e : batch) {
            if (claimed.contains(e.id()) && !settled.contains(e.id())) {
                try {
                    outbox.requeue(e.id(), e.dueAt(), null, false);
                } catch (RuntimeException x) {
                    LOG.warn("e-mail {} could not go back to the queue; its claim times out instead", e.id(), x);
                }
            }
        }
    }

    /**
     * Records the mail sent since the last call, in one transaction, then tells whoever waits for it. Until then
     * a crash sends these messages again (with the same {@code Message-ID}) once their claims time out.
     */
    private void recordSent(Map<String, Instant> sent) {
        if (sent.isEmpty()) {
            return;
        }
        Set<String> recorded = outbox.sentAll(sent);
        for (String id : sent.keySet()) {
            if (!recorded.contains(id)) {
                LOG.warn("e-mail {} was sent, but its claim had been released or taken meanwhile", id);
            }
            processed.accept(id);
        }
        sent.clear();
    }

    /**
     * Sends one claimed entry, adding it to {@code sent} on success; false when the connection failed and the rest
     * should wait for the backoff.
     */
    private boolean process(OutboxEntry e, Map<String, Instant> sent) {
        Instant now = clock.instant();
        EmailMessage m = e.message();
        if (!e.high() && m.window() != null && !m.window().contains(now)) {
            outbox.requeue(e.id(), m.window().nextOpening(now), null, false);
            return true;
        }
        try {
            smtp.send(m, e.messageId());
            sent.put(e.id(), clock.instant());
            connectionFailures = 0;
            return true;
        } catch (EmailSendException x) {
            return failed(e, x);
        } catch (RuntimeException x) {
            return failed(e, new EmailSendException("sending failed: " + x, -1, false, false, x));
        }
    }

    private boolean failed(OutboxEntry e, EmailSendException x) {
        Instant now = clock.instant();
        int attempts = e.attempts() + 1;
        if (x.permanent()) {
            LOG.warn("e-mail {} failed: {}", e.id(), x.getMessage());
            outbox.failed(e.id(), x.getMessage(), now);
        } else if (attempts >= retry.maxAttempts()) {
            LOG.warn("e-mail {} failed after {} attempts: {}", e.id(), attempts, x.getMessage());
            outbox.failed(e.id(), "gave up after " + attempts + " attempts: " + x.getMessage(), now);
        } else {
            Instant next = now.plus(retry.delayAfter(attempts));
            LOG.info("e-mail {} not sent ({}); next attempt at {}", e.id(), x.getMessage(), next);
            outbox.requeue(e.id(), next, x.getMessage(), true);
        }
        processed.accept(e.id());
        if (x.connectionLost()) {
            holdUntil = now.plus(retry.delayAfter(++connectionFailures));
            return false;
        }
        return true;
    }

    private void sleep() {
        Instant now = clock.instant();
        Duration wait = pollInterval;
        try {
            Instant next = outbox.nextDue().orElse(null);
            if (next != null) {
                Instant at = next.isBefore(holdUntil) ? holdUntil : next;
                wait = min(wait, Duration.between(now, at));
            }
        } catch (RuntimeException e) {
            LOG.warn("e-mail outbox: cannot read the next due time", e);
        }
        lock.lock();
        try {
            busy = false;
            changed.signalAll();
            if (!woken && !closed && wait.compareTo(Duration.ZERO) > 0) {
                changed.await(wait.toNanos(), TimeUnit.NANOSECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
