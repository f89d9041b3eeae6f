package dev.flowline.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on a loopback port that answers with scripted responses and records every request.
 *
 * <p>For tests of webhooks: queue replies with {@link #then} and {@link #thenSlow}; afterwards every request gets
 * {@code 200 {"ok":true}}. Thread-safe.
 */
public final class LocalHttpServer implements AutoCloseable {

    /** One recorded request. */
    public record Request(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    /** One scripted response. */
    public record Reply(int status, String contentType, String body, long delayMs, Map<String, String> headers) {
        public Reply(int status, String contentType, String body, long delayMs) {
            this(status, contentType, body, delayMs, Map.of());
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private volatile Reply fallback = new Reply(200, "application/json", "{\"ok\":true}", 0);

    public LocalHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Queues replies used in order; after them, the fallback answers. */
    public LocalHttpServer then(int status, String body) {
        script.add(new Reply(status, "application/json", body, 0));
        return this;
    }

    /** After the queued replies, every request waits {@code delayMs} before its {@code 200 {"ok":true}}. */
    public LocalHttpServer slowByDefault(long delayMs) {
        fallback = new Reply(200, "application/json", "{\"ok\":true}", delayMs);
        return this;
    }

    /** Queues a reply with an extra response header (e.g. {@code Retry-After}). */
    public LocalHttpServer thenWithHeader(int status, String body, String header, String value) {
        script.add(new Reply(status, "application/json", body, 0, Map.of(header, value)));
        return this;
    }

    public LocalHttpServer thenSlow(long delayMs) {
        script.add(new Reply(200, "application/json", "{}", delayMs));
        return this;
    }

    public synchronized List<Request> requests() {
        return new ArrayList<>(requests);
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (this) {
            requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().toString(),
                    Map.copyOf(ex.getRequestHeaders()), body));
        }
        Reply r = script.poll();
        if (r == null) {
            r = fallback;
        }
        if (r.delayMs() > 0) {
            try {
                Thread.sleep(r.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", r.contentType());
        r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
