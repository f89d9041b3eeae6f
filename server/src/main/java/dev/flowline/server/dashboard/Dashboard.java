package dev.flowline.server.dashboard;

import dev.flowline.execution.Engine;
import dev.flowline.server.api.ExecutionStats;
import dev.flowline.server.metrics.MetricsEndpoint;
import dev.flowline.server.metrics.Monitoring;
import dev.flowline.server.workflow.WorkflowRegistry;
import dev.flowline.store.Store;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.staticfiles.Location;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The web dashboard and the metrics endpoint: pages at {@code /} (overview), {@code /workflows},
 * {@code /executions}, {@code /executions/{id}} and {@code /health}, signed in with the admin token
 * ({@link SignIn}); static assets under {@code /assets} and {@code /webjars}; {@code /metrics} for Prometheus.
 * Thread-safe.
 */
public final class Dashboard {

    /** Paths that need a signed-in session. */
    static final List<String> PAGES = List.of("/", "/workflows", "/workflows/*", "/executions", "/executions/*",
            "/health", "/health/*");
    /** Sessions end after this long without a request. */
    static final Duration IDLE_TIMEOUT = Duration.ofHours(12);
    static final int MAX_SESSIONS = 1000;

    private final PageRenderer pages = new PageRenderer(WebJars.load());
    private final SignIn signIn;
    private final Monitoring monitoring;
    private final boolean metricsOpen;
    private final OverviewPage overview;
    private final WorkflowsPage workflowsPage;
    private final ExecutionsPage executions;
    private final ExecutionPage execution;
    private final HealthPage health;

    /**
     * The service's parts the pages read and act on.
     *
     * @param store       executions, events, workflows
     * @param registry    to enable and disable workflows
     * @param engine      matching counters, retries, circuit breakers
     * @param stats       overall execution figures
     * @param queueDepth  accepted events not yet processed
     * @param inFlight    events in the engine
     * @param monitoring  per-workflow figures, the health series and the metrics
     */
    public record Parts(Store store, WorkflowRegistry registry, Engine engine, ExecutionStats stats,
                        LongSupplier queueDepth, LongSupplier inFlight, Monitoring monitoring) {
    }

    /**
     * @param adminToken  the token that signs in
     * @param metricsOpen serve {@code /metrics} without credentials
     */
    public Dashboard(Parts parts, String adminToken, boolean metricsOpen, Clock clock) {
        this.signIn = new SignIn(new Sessions(clock, IDLE_TIMEOUT, MAX_SESSIONS), adminToken, pages);
        this.monitoring = parts.monitoring();
        this.metricsOpen = metricsOpen;
        this.overview = new OverviewPage(parts.store(), parts.stats(), parts.queueDepth(), parts.inFlight(), pages);
        this.workflowsPage = new WorkflowsPage(parts.store(), parts.registry(), parts.engine(),
                monitoring.workflows(), pages);
        this.executions = new ExecutionsPage(parts.store(), pages);
        this.execution = new ExecutionPage(parts.store(), parts.engine(), clock, pages);
        this.health = new HealthPage(parts.store(), monitoring, new CircuitBreakers(parts.engine()), pages);
    }

    /** Adds the static assets, the pages and {@code /metrics} to the HTTP server's configuration. */
    public void configure(JavalinConfig config) {
        config.staticFiles.enableWebjars();
        config.staticFiles.add(files -> {
            files.hostedPath = "/assets";
            files.directory = "/dev/flowline/server/dashboard/assets";
            files.location = Location.CLASSPATH;
            files.headers = Map.of("Cache-Control", "max-age=300", "X-Content-Type-Options", "nosniff");
        });
        RoutesConfig routes = config.routes;
        signIn.register(routes, PAGES);
        overview.register(routes);
        workflowsPage.register(routes);
        executions.register(routes);
        execution.register(routes);
        health.register(routes);
        new MetricsEndpoint(monitoring.metrics(), metricsOpen, signIn::authorised).register(routes);
    }
}
