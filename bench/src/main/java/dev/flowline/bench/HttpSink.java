package dev.flowline.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * The webhook receiver of the benchmarks: a JDK HTTP server on a loopback port that answers every request with
 * {@code 200 {"ok":true}}, after an optional delay, and only counts them (keeping the requests would grow the heap
 * the end-to-end benchmark measures). Thread-safe.
 */
public final class HttpSink implements AutoCloseable {

    private static final byte[] OK = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final LongAdder requests = new LongAdder();
    private final long delayMs;

    /** A sink that answers at once. */
    public HttpSink() throws IOException {
        this(0);
    }

    /** A sink that answers each request after {@code delayMs} milliseconds. */
    public HttpSink(long delayMs) throws IOException {
        this.delayMs = delayMs;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:40123}; any path answers. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests answered so far. */
    public long requests() {
        return requests.sum();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        requests.increment();
        if (delayMs > 0) {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, OK.length);
        ex.getResponseBody().write(OK);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
