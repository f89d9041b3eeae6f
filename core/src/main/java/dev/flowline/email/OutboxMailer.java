package dev.flowline.email;

import dev.flowline.action.ActionFailedException;
import dev.flowline.action.RetryPolicy;
import dev.flowline.execution.Times;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@link EmailDelivery} of {@code email} actions: every message goes into an {@link EmailOutbox}, which one
 * sender thread drains over one reused SMTP connection, high priority first, then oldest first.
 *
 * <ul>
 *   <li>{@code high}: queued ahead of all normal mail; the action waits (up to {@code highPriorityWait}) for the
 *       sender and answers {@code {"status": "sent", "message_id": ...}}. If the server cannot be reached the mail
 *       stays queued for a retry and the action says so ({@code "status": "queued"} with {@code last_error}); a 5xx
 *       reply fails the action with the server's reply. Delivery windows do not hold high priority mail.</li>
 *   <li>{@code normal}: queued, the action answers {@code "status": "queued"} at once; mail with a delivery window
 *       waits until the window opens in its time zone (by the injected {@link Clock}).</li>
 *   <li>An id ({@code execution_id:action_id}) is queued once: a retried or resumed execution gets the state of
 *       the mail it queued before ({@code "repeated": true}), and it is never sent twice.</li>
 * </ul>
 *
 * <p>Call {@link #start()} to start the sender. Thread-safe.
 */
public final class OutboxMailer implements EmailDelivery, AutoCloseable {

    private final SmtpMailSender smtp;
    private final EmailOutbox outbox;
    private final Clock clock;
    private final Duration highPriorityWait;
    private final OutboxSender sender;
    private final String messageIdDomain;
    private final Map<String, CompletableFuture<OutboxEntry>> waiting = new ConcurrentHashMap<>();
    private Thread thread;

    private OutboxMailer(Builder b) {
        this.smtp = b.smtp;
        this.outbox = b.outbox;
        this.clock = b.clock;
        this.highPriorityWait = b.highPriorityWait;
        String from = smtp.settings().fromAddress().getAddress();
        this.messageIdDomain = from.substring(from.lastIndexOf('@') + 1);
        this.sender = new OutboxSender(smtp, outbox, clock, b.retry, b.pollInterval, b.claimTimeout, this::processed);
    }

    /** Starts configuring a mailer that sends through {@code smtp} and queues in {@code outbox}. */
    public static Builder builder(SmtpMailSender smtp, EmailOutbox outbox) {
        return new Builder(smtp, outbox);
    }

    /** Starts the sender thread (once); mail queued before, e.g. before a restart, goes out now. */
    public synchronized OutboxMailer start() {
        if (thread == null) {
            thread = Thread.ofPlatform().daemon().name("flowline-mail-sender").start(sender);
        }
        return this;
    }

    @Override
    public Map<String, Object> deliver(EmailMessage message) throws InterruptedException {
        Instant now = clock.instant();
        boolean high = "high".equals(message.priority());
        Instant due = high || message.window() == null ? now : message.window().nextOpening(now);
        CompletableFuture<OutboxEntry> done = new CompletableFuture<>();
        if (high) {
            waiting.put(message.id(), done); // before it is queued, so the sender cannot finish unseen
        }
        try {
            EmailOutbox.Added added = outbox.add(OutboxEntry.queued(message, messageIdFor(message.id()), now, due));
            if (!added.added()) {
                return report(added.entry(), true);
            }
            sender.wake(high);
            return report(high ? await(message.id(), done, added.entry()) : added.entry(), false);
        } finally {
            waiting.remove(message.id(), done);
        }
    }

    private OutboxEntry await(String id, CompletableFuture<OutboxEntry> done, OutboxEntry queued)
            throws InterruptedException {
        try {
            return done.get(highPriorityWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return outbox.find(id).orElse(queued); // the sender is busy or paused: it stays first in line
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void processed(String id) {
        CompletableFuture<OutboxEntry> f = waiting.get(id);
        if (f != null) {
            outbox.find(id).ifPresent(f::complete);
        }
    }

    private Map<String, Object> report(OutboxEntry e, boolean repeated) {
        if (e.status() == OutboxStatus.FAILED) {
            throw new ActionFailedException((repeated ? "this e-mail failed before and is not sent again: " : "")
                    + e.lastError(), false);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", e.status() == OutboxStatus.SENT ? "sent" : "queued");
        out.put("message_id", e.messageId());
        out.put("priority", e.message().priority());
        if (e.status() == OutboxStatus.SENT) {
            out.put("sent_at", Times.iso(e.sentAt()));
        } else if (e.dueAt().isAfter(clock.instant())) {
            out.put("deliver_after", Times.iso(e.dueAt()));
        }
        if (e.message().window() != null && !e.high()) {
            out.put("delivery_window", e.message().window().toString());
        }
        if (e.attempts() > 0 && e.status() != OutboxStatus.SENT) {
            out.put("attempts", e.attempts());
        }
        if (e.lastError() != null && e.status() != OutboxStatus.SENT) {
            out.put("last_error", e.lastError());
        }
        if (repeated) {
            out.put("repeated", true);
        }
        return out;
    }

    /** The {@code Message-ID} header of the mail with this id: derived from it, so every attempt carries the same. */
    public String messageIdFor(String id) {
        StringBuilder local = new StringBuilder(id.length());
        for (char c : id.toCharArray()) {
            local.append(Character.isLetterOrDigit(c) && c < 128 || "-_.+=".indexOf(c) >= 0 ? c : '.');
        }
        return "<" + local + "@" + messageIdDomain + ">";
    }

    /** Holds the sender (e.g. while the SMTP server is maintained); mail keeps queueing. */
    public void pause() {
        sender.pause(true);
    }

    /** Lets a paused sender go on. */
    public void resume() {
        sender.pause(false);
    }

    /** Makes the sender look at the outbox now, e.g. after a test moved the clock. */
    public void wake() {
        sender.wake(false);
    }

    /**
     * Waits until no mail is due or being sent; mail held for its window or a retry does not count.
     *
     * @return false on timeout
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return sender.awaitIdle(timeout);
    }

    public EmailOutbox outbox() {
        return outbox;
    }

    /** Stops the sender (finishing the message in hand) and closes the SMTP connection; queued mail stays queued. */
    @Override
    public void close() {
        sender.close();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        smtp.close();
    }

    /** Configures an {@link OutboxMailer}; every setting has a documented default. Not thread-safe. */
    public static final class Builder {
        private final SmtpMailSender smtp;
        private final EmailOutbox outbox;
        private Clock clock = Clock.systemUTC();
        private RetryPolicy retry = new RetryPolicy(20, Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5), 0.2);
        private Duration highPriorityWait = Duration.ofSeconds(10);
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration claimTimeout = Duration.ofMinutes(5);

        private Builder(SmtpMailSender smtp, EmailOutbox outbox) {
            this.smtp = Objects.requireNonNull(smtp, "smtp");
            this.outbox = Objects.requireNonNull(outbox, "outbox");
        }

        /** Time source for queueing, delivery windows and retries (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Retries of mail the server did not take for a reason that may pass (no connection, 4xx): default 20
         * attempts, waiting 1 s, doubling up to 5 min, with 20% jitter (about an hour in all); then it fails.
         */
        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /** How long a high priority {@code email} action waits for its mail to be sent (default 10 s). */
        public Builder highPriorityWait(Duration wait) {
            this.highPriorityWait = positive("highPriorityWait", wait);
            return this;
        }

        /** Longest the sender sleeps before looking at the outbox again (default 1 s). */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = positive("pollInterval", interval);
            return this;
        }

        /**
         * After this long a claimed message whose sender died goes back to the queue (default 5 min: longer than the
         * slowest send the SMTP timeouts allow, so a live sender never loses its claim).
         */
        public Builder claimTimeout(Duration timeout) {
            this.claimTimeout = positive("claimTimeout", timeout);
            return this;
        }

        /** The mailer, not started. */
        public OutboxMailer build() {
            return new OutboxMailer(this);
        }

        private static Duration positive(String name, Duration d) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }
    }
}
