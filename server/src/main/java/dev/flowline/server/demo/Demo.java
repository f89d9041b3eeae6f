package dev.flowline.server.demo;

import dev.flowline.FlowlineException;
import dev.flowline.json.Json;
import dev.flowline.server.FlowlineService;
import dev.flowline.store.Store;
import org.h2.jdbcx.JdbcDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;

/**
 * {@code flowline serve --demo}: a small shop database (customers, orders, order lines), the guide's example
 * workflows pointed at a built-in webhook sink, and a feed of order events, so a new user sees executions,
 * notifications and webhooks within seconds.
 */
public final class Demo implements AutoCloseable {

    static final List<String> WORKFLOWS = List.of("order-created", "order-paid", "high-value-order", "order-shipped",
            "vip-shipment");

    private final FlowlineService service;
    private final DemoSink sink = new DemoSink();
    private DemoFeed feed;

    /** Registers the demo's routes; call before the service starts. */
    public Demo(FlowlineService service) {
        this.service = service;
        service.addRoutes(sink::register);
        service.closeWithService(this);
    }

    /** The shop database inside the data directory. */
    public static String appDatabaseUrl(Path dataDir) {
        return "jdbc:h2:" + dataDir.resolve("demo-shop").toAbsolutePath();
    }

    /** Creates the shop database (idempotent). */
    public void prepare() {
        try (Connection c = shop().getConnection(); Statement st = c.createStatement()) {
            for (String sql : resource("shop.sql").split(";")) {
                if (!sql.isBlank()) {
                    st.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new FlowlineException("demo: cannot prepare the shop database: " + e.getMessage(), e);
        }
    }

    /** Installs the demo workflows (a new version only when they changed) and starts the event feed. */
    public void start() {
        String sinkUrl = "http://127.0.0.1:" + service.port() + "/demo/sink";
        Store store = service.store();
        for (String id : WORKFLOWS) {
            String json = resource(id + ".json").replace("SINK", sinkUrl);
            Object wanted = Json.parse(json);
            boolean same = store.workflow(id)
                    .map(w -> {
                        Object stored = Json.parse(w.definitionJson());
                        if (stored instanceof java.util.Map<?, ?> m) {
                            java.util.Map<String, Object> copy = new java.util.LinkedHashMap<>();
                            m.forEach((k, v) -> copy.put((String) k, v));
                            copy.remove("id");
                            return Objects.equals(copy, wanted);
                        }
                        return false;
                    }).orElse(false);
            if (!same) {
                service.workflows().save(id, json);
            }
        }
        feed = new DemoFeed(service.intake(), shop(), 150);
        Thread.ofVirtual().name("flowline-demo-feed").start(feed);
    }

    public void printBanner(PrintStream out) {
        out.println("Demo: " + WORKFLOWS.size() + " workflows on a sample shop; order events arrive every 150 ms.");
        out.println("  executions:     curl -H \"Authorization: Bearer $(cat "
                + service.config().dataDir().resolve("admin-token") + ")\" " + service.url() + "/api/executions?limit=5");
        out.println("  webhook sink:   " + service.url() + "/demo/sink");
    }

    private JdbcDataSource shop() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(appDatabaseUrl(service.config().dataDir()));
        return ds;
    }

    private static String resource(String name) {
        try (InputStream in = Demo.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new FlowlineException("demo resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FlowlineException("demo resource unreadable: " + name, e);
        }
    }

    @Override
    public void close() {
        if (feed != null) {
            feed.stop();
        }
    }
}
