package dev.flowline.action.internal;

import dev.flowline.action.ActionFailedException;
import dev.flowline.action.BreakerSettings;
import dev.flowline.action.WebhookAction;
import dev.flowline.json.Json;
import dev.flowline.template.TemplateValue;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code webhook} actions on one shared JDK {@link HttpClient} (pooled connections). Thread-safe.
 *
 * <p>A body that renders to an object or a list is sent as JSON; a string as text. Every request carries
 * {@code Idempotency-Key: <execution_id>:<action_id>} and, when a signing secret applies, an HMAC-SHA256 signature
 * ({@link WebhookSignature}). 2xx succeeds; 429 and 5xx fail retryably (429 honouring {@code Retry-After}); other
 * statuses fail for good. Calls go through a circuit breaker per target host: when a host keeps failing, calls to
 * it fail fast with {@code circuit_open} until probes show it has recovered.
 */
public final class WebhookCaller {

    private static final int MAX_BODY_CHARS = 64 * 1024;

    private final HttpClient client;
    private final HostBreakers breakers;
    private final String globalSecret;
    private final Clock clock;

    public WebhookCaller(HttpClient client, BreakerSettings breakers, String globalSecret, Clock clock) {
        this.client = client;
        this.breakers = new HostBreakers(breakers);
        this.globalSecret = globalSecret;
        this.clock = clock;
    }

    /** Breaker state per host. */
    public Map<String, String> breakerStates() {
        return breakers.states();
    }

    public Object call(WebhookAction a, Attempt attempt) throws InterruptedException {
        Map<String, Object> ctx = attempt.context();
        String url = String.valueOf(a.url().render(ctx));
        URI uri = uri(url);
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(attempt.timeout());
        boolean hasContentType = false;
        for (Map.Entry<String, TemplateValue> h : a.headers().entrySet()) {
            req.header(h.getKey(), String.valueOf(h.getValue().render(ctx)));
            hasContentType |= h.getKey().equalsIgnoreCase("content-type");
        }
        req.header("Idempotency-Key", attempt.idempotencyKey(a.id()));
        Object body = a.body() == null ? null : a.body().render(ctx);
        String text = body == null ? "" : body instanceof String s ? s : Json.write(body);
        if (body != null && !hasContentType) {
            req.header("Content-Type", body instanceof String ? "text/plain; charset=utf-8" : "application/json");
        }
        String secret = secret(a, attempt);
        if (secret != null) {
            WebhookSignature.sign(req, secret, clock.instant().getEpochSecond(), text);
        }
        req.method(a.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        return send(req.build(), url, uri, attempt);
    }

    private Object send(HttpRequest request, String url, URI uri, Attempt attempt) throws InterruptedException {
        CircuitBreaker breaker = breakers.forHost(uri);
        if (!breaker.tryAcquirePermission()) {
            throw new ActionFailedException("circuit_open: calls to " + HostBreakers.host(uri) + " fail fast after"
                    + " repeated failures; the breaker lets a probe through after its cool-down", true);
        }
        long t0 = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            breaker.onError(System.nanoTime() - t0, TimeUnit.NANOSECONDS, e);
            throw new ActionFailedException("timed out after " + attempt.timeout().toMillis() + " ms calling " + url,
                    true, e);
        } catch (IOException e) {
            breaker.onError(System.nanoTime() - t0, TimeUnit.NANOSECONDS, e);
            throw new ActionFailedException("could not call " + url + ": " + describe(e), true, e);
        } catch (InterruptedException e) {
            breaker.releasePermission();
            throw e;
        }
        long took = System.nanoTime() - t0;
        int status = response.statusCode();
        if (status >= 500) {
            breaker.onError(took, TimeUnit.NANOSECONDS, new IOException("HTTP " + status));
        } else if (status == 429) {
            // Throttling says nothing about the host's health: neither a success nor a failure for the breaker.
            breaker.releasePermission();
        } else {
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
        }
        Object responseBody = parse(response);
        if (status >= 200 && status < 300) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("status", (long) status);
            out.put("body", responseBody);
            return out;
        }
        boolean retryable = status == 429 || status >= 500;
        throw new ActionFailedException("HTTP " + status + " from " + url + ": " + abbreviate(response.body()), retryable)
                .withHttp(status, RetryAfter.parse(response.headers().firstValue("retry-after").orElse(null), clock));
    }

    private String secret(WebhookAction a, Attempt attempt) {
        TemplateValue own = a.signingSecret() != null ? a.signingSecret() : attempt.workflow().settings().webhookSigningSecret();
        if (own != null) {
            Object v = own.render(attempt.context());
            return v == null || String.valueOf(v).isEmpty() ? null : String.valueOf(v);
        }
        return globalSecret;
    }

    private static URI uri(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ActionFailedException("invalid URL '" + url + "': " + e.getMessage(), false);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new ActionFailedException("URL must be http:// or https:// with a host, was '" + url + "'", false);
        }
        return uri;
    }

    private static Object parse(HttpResponse<String> response) {
        String text = response.body();
        if (text == null || text.isEmpty()) {
            return null;
        }
        String type = response.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            try {
                return Json.parse(text);
            } catch (RuntimeException e) {
                return abbreviate(text);
            }
        }
        return abbreviate(text);
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= MAX_BODY_CHARS ? s : s.substring(0, MAX_BODY_CHARS) + "...";
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
