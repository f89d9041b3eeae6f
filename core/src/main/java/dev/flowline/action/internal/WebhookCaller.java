package dev.flowline.action.internal;

import dev.flowline.action.ActionFailedException;
import dev.flowline.action.WebhookAction;
import dev.flowline.json.Json;
import dev.flowline.template.TemplateValue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;

import java.util.Locale;
import java.util.Map;

/**
 * Runs {@code webhook} actions on one shared JDK {@link HttpClient} (pooled connections). Thread-safe.
 *
 * <p>A body that renders to an object or a list is sent as JSON; a string as text. Every request carries
 * {@code Idempotency-Key: <execution_id>:<action_id>}. Responses 2xx succeed; 408, 429 and 5xx fail retryably;
 * other statuses fail for good.
 */
public final class WebhookCaller {

    private static final int MAX_BODY_CHARS = 64 * 1024;

    private final HttpClient client;

    public WebhookCaller(HttpClient client) {
        this.client = client;
    }

    public Object call(WebhookAction a, Attempt attempt) throws InterruptedException {
        Map<String, Object> ctx = attempt.context();
        String url = String.valueOf(a.url().render(ctx));
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ActionFailedException("invalid URL '" + url + "': " + e.getMessage(), false);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new ActionFailedException("URL must start with http:// or https://, was '" + url + "'", false);
        }
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(attempt.timeout());
        boolean hasContentType = false;
        for (Map.Entry<String, TemplateValue> h : a.headers().entrySet()) {
            req.header(h.getKey(), String.valueOf(h.getValue().render(ctx)));
            hasContentType |= h.getKey().equalsIgnoreCase("content-type");
        }
        req.header("Idempotency-Key", attempt.idempotencyKey(a.id()));
        Object body = a.body() == null ? null : a.body().render(ctx);
        if (body == null) {
            req.method(a.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            boolean json = !(body instanceof String);
            String text = json ? Json.write(body) : (String) body;
            if (!hasContentType) {
                req.header("Content-Type", json ? "application/json" : "text/plain; charset=utf-8");
            }
            req.method(a.method(), HttpRequest.BodyPublishers.ofString(text));
        }
        HttpResponse<String> response;
        try {
            response = client.send(req.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ActionFailedException("timed out after " + attempt.timeout().toMillis() + " ms calling " + url, true, e);
        } catch (IOException e) {
            throw new ActionFailedException("could not call " + url + ": " + describe(e), true, e);
        }
        int status = response.statusCode();
        Object responseBody = parse(response);
        if (status >= 200 && status < 300) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("status", status);
            out.put("body", responseBody);
            return out;
        }
        boolean retryable = status == 408 || status == 429 || status >= 500;
        throw new ActionFailedException("HTTP " + status + " from " + url + ": " + abbreviate(response.body()), retryable);
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
