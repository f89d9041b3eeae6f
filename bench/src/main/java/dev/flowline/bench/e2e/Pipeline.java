package dev.flowline.bench.e2e;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.flowline.definition.DefinitionParser;
import dev.flowline.email.OutboxMailer;
import dev.flowline.email.SmtpMailSender;
import dev.flowline.email.SmtpSettings;
import dev.flowline.event.EntityEvent;
import dev.flowline.execution.ActionRecord;
import dev.flowline.execution.Engine;
import dev.flowline.execution.ExecutionJournal;
import dev.flowline.execution.JournaledExecution;
import dev.flowline.server.intake.Dispatcher;
import dev.flowline.server.intake.EventIntake;
import dev.flowline.server.workflow.WorkflowRegistry;
import dev.flowline.store.JdbcStore;
import dev.flowline.store.StoreOptions;
import dev.flowline.template.TemplateEngine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The service's durable path, wired as {@code FlowlineService} wires it (store, engine journaling into it,
 * notifications into it, dispatcher, intake), but with the engine and store settings of Flowline or of the naive
 * baseline, and an execution listener that feeds {@link Metrics}. Closing it stops everything. Thread-safe.
 */
final class Pipeline implements AutoCloseable {

    static final List<String> WORKFLOWS = List.of("order-confirmation", "order-crm-sync", "order-record",
            "high-value-order", "order-paid", "payment-receipt", "order-shipped", "loyalty-points", "order-delivered");

    private final JdbcStore store;
    private final HikariDataSource app;
    private final Engine engine;
    private final Dispatcher dispatcher;
    private final EventIntake intake;
    private final OutboxMailer mailer;
    private volatile Metrics metrics;

    /**
     * @param naive   the guide's "Bad" settings: no trigger index, conditions as written, sequential actions, one
     *                commit per event and per journal write, templates compiled per render
     * @param store   where Flowline keeps its state (opened by the caller, closed with this pipeline)
     * @param dataDir where the application database lives
     * @param sinkUrl the webhook receiver
     * @param smtpPort the SMTP receiver's port on loopback
     */
    Pipeline(boolean naive, JdbcStore store, Path dataDir, String sinkUrl, int smtpPort) {
        this.store = store;
        this.app = appDatabase(dataDir);
        // e-mail as the service sends it: queued in the store's durable outbox, sent by the outbox's sender thread
        this.mailer = OutboxMailer.builder(new SmtpMailSender(SmtpSettings.builder("127.0.0.1",
                "Shop <shop@example.test>").port(smtpPort).build(), Clock.systemUTC()), store.emailOutbox())
                .build().start();
        Engine.Builder builder = Engine.builder()
                .journal(Boolean.getBoolean("bench.eagerLastAction") ? eagerLastAction(store) : store)
                .notificationSink(store::saveNotification)
                .emailDelivery(mailer)
                .applicationDataSource(app)
                .triggerIndex(!naive)
                .orderedConditions(!naive)
                .parallelActions(!naive)
                .executionListener(r -> {
                    // the execution is over when its last action is; recording its end comes after
                    Metrics m = metrics;
                    if (m != null) {
                        m.record(r);
                    }
                    store.finished(r);
                });
        engine = builder.build();
        TemplateEngine templates = naive ? TemplateEngine.compilingPerRender() : new TemplateEngine();
        WorkflowRegistry registry = new WorkflowRegistry(store, new DefinitionParser(templates, Set.of()), engine);
        for (String id : WORKFLOWS) {
            registry.save(id, resource(id + ".json").replace("SINK", sinkUrl));
        }
        dispatcher = new Dispatcher(store, engine, Integer.getInteger("bench.inFlight", 2_000));
        intake = new EventIntake(store, dispatcher, 100_000, 10_000);
        dispatcher.start();
    }

    /**
     * The store as a journal that is sent every action as it finishes, the last one included (A/B switch
     * {@code -Dbench.eagerLastAction=true} for docs/benchmarks.md: how the engine journaled before it left an
     * execution's last action to the end's write).
     */
    private static ExecutionJournal eagerLastAction(JdbcStore store) {
        return new ExecutionJournal() {
            @Override
            public Map<String, JournaledExecution> recorded(EntityEvent event) {
                return store.recorded(event);
            }

            @Override
            public void started(EntityEvent event, JournaledExecution execution) {
                store.started(event, execution);
            }

            @Override
            public void actionFinished(String executionId, ActionRecord record) {
                store.actionFinished(executionId, record);
            }

            @Override
            public void actionFinished(String executionId, int ordinal, ActionRecord record) {
                store.actionFinished(executionId, ordinal, record);
            }
        };
    }

    /** Store settings of Flowline (group commit) or of the baseline (a commit per event and per write). */
    static StoreOptions storeOptions(boolean naive) {
        return naive ? StoreOptions.builder().maxBatchEvents(1).maxBatchWrites(1).build()
                : StoreOptions.builder().maxBatchWrites(Integer.getInteger("bench.maxBatchWrites", 1000)).build();
    }

    EventIntake intake() {
        return intake;
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    /** Where finished executions are reported from now on. */
    void measureInto(Metrics m) {
        this.metrics = m;
    }

    JdbcStore store() {
        return store;
    }

    /** Waits until the outbox has sent every e-mail that is due; false when it did not within the timeout. */
    boolean awaitMailSent(Duration timeout) throws InterruptedException {
        return mailer.awaitIdle(timeout);
    }

    /** Waits until every accepted event has been processed (its executions finished and journaled). */
    void awaitIdle() throws InterruptedException {
        while (dispatcher.backlog() > 0) {
            Thread.sleep(5);
        }
    }

    private static HikariDataSource appDatabase(Path dataDir) {
        HikariConfig hc = new HikariConfig();
        // the application's own database, with H2's default settings: its durability is the application's business,
        // Flowline's guarantees are about Flowline's store
        hc.setJdbcUrl("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("app"));
        hc.setUsername("sa");
        hc.setPassword("");
        hc.setMaximumPoolSize(16);
        hc.setPoolName("bench-app");
        HikariDataSource ds = new HikariDataSource(hc);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String sql : resource("app.sql").split(";")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("merge into customers (id, blocked, vip, points) key (id) "
                    + "values (?, ?, ?, 0)")) {
                for (int i = 0; i < OrderDay.CUSTOMERS; i++) {
                    ps.setString(1, "c-" + i);
                    ps.setBoolean(2, i % 100 == 99);
                    ps.setBoolean(3, i % 10 == 0);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            ds.close();
            throw new IllegalStateException("cannot prepare the application database: " + e.getMessage(), e);
        }
        return ds;
    }

    static String resource(String name) {
        try (InputStream in = Pipeline.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        dispatcher.close();
        engine.close();
        mailer.close();
        store.close();
        app.close();
    }
}
