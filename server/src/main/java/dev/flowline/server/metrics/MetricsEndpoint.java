package dev.flowline.server.metrics;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;

import java.util.function.Predicate;

/**
 * {@code GET /metrics}: the Prometheus scrape endpoint. Needs the admin token (as a bearer token, or a signed-in
 * dashboard session) unless the service was started with the metrics open ({@code serve --metrics-open}), for
 * scrapers that cannot send credentials. Thread-safe.
 */
public final class MetricsEndpoint {

    /** The content type of the Prometheus text format. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final FlowlineMetrics metrics;
    private final boolean open;
    private final Predicate<Context> authorised;

    /**
     * @param open       serve without credentials
     * @param authorised whether a request carries the admin token or a valid session
     */
    public MetricsEndpoint(FlowlineMetrics metrics, boolean open, Predicate<Context> authorised) {
        this.metrics = metrics;
        this.open = open;
        this.authorised = authorised;
    }

    /** Adds {@code GET /metrics}, and counts event requests refused as too large (intake never sees those). */
    public void register(RoutesConfig routes) {
        routes.get("/metrics", this::scrape);
        routes.after("/api/events", ctx -> {
            if (ctx.statusCode() == 413) {
                metrics.rejected("too_large", 1);
            }
        });
    }

    private void scrape(Context ctx) {
        if (!open && !authorised.test(ctx)) {
            throw new UnauthorizedResponse();
        }
        ctx.header("Cache-Control", "no-store").contentType(CONTENT_TYPE).result(metrics.scrape());
    }
}
