package dev.flowline.notification;

import dev.flowline.action.RetryPolicy;
import dev.flowline.execution.Times;
import dev.flowline.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Posts every delivered notification and digest as JSON to a channel's incoming webhook (a chat system), for
 * {@link NotificationBatcher.Builder#onDelivered}.
 *
 * <p>The body has the notification's fields ({@code kind} is {@code notification} or {@code digest}, a digest lists
 * its {@code parts}) and a ready-made {@code text} that chat systems show as the message. Each post carries
 * {@code Idempotency-Key: <notification id>}. Posts run in the background and are retried on connection errors,
 * 408, 429 and 5xx (3 attempts by default); they are not durable: a post still failing after its last attempt, or
 * one beyond {@code maxInFlight} waiting posts, is logged and dropped. The notification itself is already stored.
 * Thread-safe.
 */
public final class ChannelWebhook implements Consumer<Notification>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelWebhook.class);

    private final URI url;
    private final HttpClient client;
    private final RetryPolicy retry;
    private final Duration timeout;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore inFlight;
    private final AtomicLong posted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /**
     * @param url         where to post
     * @param client      the HTTP client (the engine's, for pooled connections)
     * @param retry       attempts and backoff per post
     * @param timeout     time limit per attempt
     * @param maxInFlight most posts waiting or running at once
     */
    public ChannelWebhook(URI url, HttpClient client, RetryPolicy retry, Duration timeout, int maxInFlight) {
        String scheme = url.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("url must start with http:// or https://, was '" + url + "'");
        }
        this.url = url;
        this.client = client;
        this.retry = retry;
        this.timeout = timeout;
        this.inFlight = new Semaphore(maxInFlight);
    }

    /** Posts to {@code url} with 3 attempts from 500 ms, 10 s per attempt, at most 1,000 posts waiting. */
    public ChannelWebhook(URI url, HttpClient client) {
        this(url, client, RetryPolicy.of(3, Duration.ofMillis(500)), Duration.ofSeconds(10), 1000);
    }

    @Override
    public void accept(Notification n) {
        if (!inFlight.tryAcquire()) {
            dropped.incrementAndGet();
            LOG.warn("channel webhook {}: too many posts waiting; notification {} not posted", url, n.id());
            return;
        }
        String body = Json.write(body(n));
        threads.execute(() -> {
            try {
                post(n.id(), body);
            } finally {
                inFlight.release();
            }
        });
    }

    private void post(String id, String body) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", id)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        String error = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status >= 200 && status < 300) {
                    posted.incrementAndGet();
                    return;
                }
                error = "HTTP " + status;
                if (status != 408 && status != 429 && status < 500) {
                    break;
                }
            } catch (IOException e) {
                error = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
                break;
            }
            if (attempt < retry.maxAttempts()) {
                try {
                    Thread.sleep(retry.delayAfter(attempt));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        dropped.incrementAndGet();
        LOG.warn("channel webhook {}: notification {} not posted: {}", url, id, error);
    }

    /** The JSON posted for a notification or digest. */
    static Map<String, Object> body(Notification n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", n.digest() ? "digest" : "notification");
        m.put("id", n.id());
        m.put("recipients", n.recipients());
        m.put("title", n.title());
        m.put("body", n.body());
        m.put("priority", n.priority());
        m.put("workflow_id", n.workflowId());
        m.put("execution_id", n.executionId());
        m.put("created_at", Times.iso(n.createdAt()));
        m.put("parts", n.parts().stream().map(Notification::partJson).toList());
        m.put("text", text(n));
        return m;
    }

    private static String text(Notification n) {
        String to = String.join(", ", n.recipients());
        if (!n.digest()) {
            return (n.title() == null ? "" : n.title() + "\n") + n.body() + " (for " + to + ")";
        }
        return n.title() + " for " + to + ":\n" + n.parts().stream()
                .map(p -> "- " + (p.title() == null ? "" : p.title() + ": ") + p.body())
                .collect(Collectors.joining("\n"));
    }

    /** Posts that succeeded. */
    public long posted() {
        return posted.get();
    }

    /** Posts given up (failed after the last attempt, or too many waiting). */
    public long dropped() {
        return dropped.get();
    }

    /** Lets running posts finish (up to 10 s) and stops. */
    @Override
    public void close() {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            threads.shutdownNow();
        }
    }
}
