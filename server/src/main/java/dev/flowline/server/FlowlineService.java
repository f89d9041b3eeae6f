package dev.flowline.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.flowline.FlowlineException;
import dev.flowline.definition.DefinitionParser;
import dev.flowline.email.OutboxMailer;
import dev.flowline.email.SmtpMailSender;
import dev.flowline.execution.Engine;
import dev.flowline.execution.ExecutionRecord;
import dev.flowline.notification.ChannelWebhook;
import dev.flowline.notification.NotificationBatcher;
import dev.flowline.server.api.ExecutionStats;
import dev.flowline.server.api.HttpApi;
import dev.flowline.server.dashboard.Dashboard;
import dev.flowline.server.intake.Dispatcher;
import dev.flowline.server.intake.EventIntake;
import dev.flowline.server.metrics.Monitoring;
import dev.flowline.server.workflow.WorkflowRegistry;
import dev.flowline.store.JdbcStore;
import dev.flowline.store.Store;
import dev.flowline.template.Secrets;
import dev.flowline.template.TemplateEngine;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The long-running service: store, engine, dispatcher, intake and HTTP API wired together.
 *
 * <p>{@link #start} opens the store (recovering what a crash left), loads the workflows, starts dispatching and
 * serving; {@link #close} shuts down gracefully: intake stops first, running executions get
 * {@code shutdownTimeout} to finish, then the store closes. Thread-safe.
 */
public final class FlowlineService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FlowlineService.class);

    private final ServiceConfig config;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<Consumer<RoutesConfig>> extraRoutes = new ArrayList<>();
    private Store store;
    private Engine engine;
    private Dispatcher dispatcher;
    private EventIntake intake;
    private WorkflowRegistry workflows;
    private Javalin http;
    private AdminToken token;
    private Monitoring monitoring;
    private HikariDataSource appPool;
    private volatile boolean ready;
    private boolean closed;

    public FlowlineService(ServiceConfig config) {
        this.config = config;
    }

    /** Adds routes (the demo's sink) before {@link #start}. */
    public void addRoutes(Consumer<RoutesConfig> routes) {
        extraRoutes.add(routes);
    }

    /** Registers something to close with the service (after the engine stops, before the store closes). */
    public void closeWithService(AutoCloseable c) {
        closeables.add(c);
    }

    /** Starts everything; returns once the service answers HTTP. */
    public synchronized FlowlineService start() {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new FlowlineException("cannot create data directory " + config.dataDir() + ": " + e.getMessage(), e);
        }
        token = AdminToken.resolve(config.adminToken(), config.dataDir());
        store = JdbcStore.h2(config.dataDir());
        ExecutionStats stats = new ExecutionStats(Clock.systemUTC(), Duration.ofMinutes(5), 200_000);
        Secrets secrets = Secrets.load(System.getenv(), config.secretsFile());
        monitoring = new Monitoring(Clock.systemUTC());
        Engine.Builder builder = Engine.builder().loadHandlers()
                .secrets(secrets)
                .webhookSigningSecret(System.getenv("FLOWLINE_WEBHOOK_SECRET"))
                .journal(store)
                .notificationSink(new StoreNotificationSink(store))
                .executionListener(r -> finished(r, stats));
        if (config.appDbUrl() != null) {
            appPool = pool(config.appDbUrl());
            builder.applicationDataSource(appPool);
        }
        wireNotificationsAndEmail(builder);
        engine = builder.build();
        workflows = new WorkflowRegistry(store, new DefinitionParser(new TemplateEngine(secrets), builder.customActionTypes()),
                engine);
        workflows.load();
        if (config.workflowsDir() != null) {
            int changed = workflows.syncFromFiles(config.workflowsDir());
            LOG.info("{} workflow(s) updated from {}", changed, config.workflowsDir());
        }
        dispatcher = new Dispatcher(store, engine, config.maxInFlight());
        intake = new EventIntake(store, dispatcher, config.maxBacklog(), 10_000, monitoring.intakeListener());
        monitoring.start(dispatcher::backlog, dispatcher::inFlight, config.maxInFlight(), appPool);
        HttpApi api = new HttpApi(store, workflows, intake, dispatcher, stats, token.value(), () -> ready,
                engine, this::appDbPoolStats);
        Dashboard dashboard = new Dashboard(new Dashboard.Parts(store, workflows, engine, stats, dispatcher::backlog,
                dispatcher::inFlight, monitoring), token.value(), config.metricsOpen(), Clock.systemUTC());
        http = api.create(config.maxBodyBytes(), javalin -> {
            dashboard.configure(javalin);
            extraRoutes.forEach(r -> r.accept(javalin.routes));
        });
        http.start(config.port());
        dispatcher.start();
        ready = true;
        return this;
    }

    /**
     * Normal notifications wait in the store for their recipient's digest (what was due before a restart goes out
     * now); e-mail goes through the store's outbox when SMTP is configured. The channel webhook shares the engine's
     * HTTP client.
     */
    private void wireNotificationsAndEmail(Engine.Builder builder) {
        NotificationBatcher.Builder batcher = NotificationBatcher.builder(store.pendingNotifications(),
                        new StoreNotificationSink(store))
                .batchSize(config.notificationBatchSize()).maxDelay(config.notificationMaxDelay());
        if (config.notificationWebhook() != null) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
            builder.httpClient(http);
            ChannelWebhook channel = new ChannelWebhook(config.notificationWebhook(), http);
            closeables.add(channel);
            batcher.onDelivered(channel);
        }
        NotificationBatcher started = batcher.build().start();
        closeables.add(started);
        builder.notificationBatcher(started);
        if (config.smtp() != null) {
            OutboxMailer mailer = OutboxMailer.builder(new SmtpMailSender(config.smtp(), Clock.systemUTC()),
                    store.emailOutbox()).build().start();
            closeables.add(mailer);
            builder.emailDelivery(mailer);
        }
    }

    private void finished(ExecutionRecord r, ExecutionStats stats) {
        store.finished(r);
        stats.record(r);
        monitoring.onExecution(r);
    }

    private HikariDataSource pool(String url) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setPoolName("flowline-app");
        hc.setMaximumPoolSize(config.appDbPoolSize());
        hc.setMetricsTrackerFactory(monitoring.metrics().poolMetrics());
        HikariDataSource ds = new HikariDataSource(hc);
        closeables.add(ds);
        appPool = ds;
        return ds;
    }

    /** Prints how to reach and use the service. */
    public void printBanner(PrintStream out) {
        out.println("Flowline is ready at " + url());
        out.println("  data directory: " + config.dataDir().toAbsolutePath());
        out.println("  admin token:    from " + token.source());
        out.println("  e-mail:         " + (config.smtp() == null ? "not configured (--smtp-host)"
                : "SMTP " + config.smtp().host() + ":" + config.smtp().port() + " as " + config.smtp().from()));
        out.println("  try:            curl -H \"Authorization: Bearer $(cat " + config.dataDir().resolve("admin-token")
                + ")\" " + url() + "/api/stats");
        out.println("  dashboard:      " + url() + "/?token=" + token.value());
        out.println("  metrics:        " + url() + "/metrics" + (config.metricsOpen() ? " (open)" : " (token needed)"));
    }

    public String url() {
        return "http://localhost:" + http.port();
    }

    public int port() {
        return http.port();
    }

    public String adminToken() {
        return token.value();
    }

    /** Pool figures of the application database, or an empty map when none is configured. */
    public java.util.Map<String, Object> appDbPoolStats() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        if (appPool != null && appPool.getHikariPoolMXBean() != null) {
            var bean = appPool.getHikariPoolMXBean();
            m.put("active", bean.getActiveConnections());
            m.put("idle", bean.getIdleConnections());
            m.put("total", bean.getTotalConnections());
            m.put("waiting", bean.getThreadsAwaitingConnection());
            m.put("max", appPool.getMaximumPoolSize());
        }
        return m;
    }

    public Store store() {
        return store;
    }

    public Engine engine() {
        return engine;
    }

    public EventIntake intake() {
        return intake;
    }

    public WorkflowRegistry workflows() {
        return workflows;
    }

    public ServiceConfig config() {
        return config;
    }

    /** Graceful shutdown: stop intake, let running executions finish up to the timeout, close the store. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ready = false;
        if (http != null) {
            http.stop();
        }
        try {
            if (dispatcher != null && !dispatcher.drain(config.shutdownTimeout())) {
                LOG.warn("shutdown: executions still running after {}; they resume at the next start",
                        config.shutdownTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (engine != null) {
            engine.close();
        }
        for (AutoCloseable c : closeables.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", c, e);
            }
        }
        if (monitoring != null) {
            monitoring.close();
        }
        if (store != null) {
            store.close();
        }
    }
}
