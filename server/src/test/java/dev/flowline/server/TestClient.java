package dev.flowline.server;

import dev.flowline.json.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A small HTTP client for API tests: JSON in, status and parsed JSON out. */
public final class TestClient {

    /** A response: status, headers and body (parsed JSON when it is JSON). */
    public record Response(int status, Object json, String body, HttpResponse<String> raw) {
        @SuppressWarnings("unchecked")
        public Map<String, Object> map() {
            return (Map<String, Object>) json;
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    public TestClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public Response get(String path) {
        return send("GET", path, null, token);
    }

    public Response post(String path, String body) {
        return send("POST", path, body, token);
    }

    public Response put(String path, String body) {
        return send("PUT", path, body, token);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, token);
    }

    public Response send(String method, String path, String body, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Object json = null;
            if (r.body() != null && !r.body().isEmpty()
                    && r.headers().firstValue("content-type").orElse("").contains("json")) {
                json = Json.parse(r.body());
            }
            return new Response(r.statusCode(), json, r.body(), r);
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        }
    }
}
