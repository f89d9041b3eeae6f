package dev.flowline.server.demo;

import dev.flowline.event.EntityEvent;
import dev.flowline.event.Operation;
import dev.flowline.server.intake.EventIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A stream of realistic shop events: new orders (written to the shop database with their lines), status changes
 * along new → paid → shipped, and "noise" updates of fields no workflow watches, sent through the real intake.
 */
final class DemoFeed implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoFeed.class);
    private static final String[] CUSTOMERS = {"c-1", "c-2", "c-3", "c-4", "c-5"};
    private static final String[] COUNTRIES = {"DE", "FR", "NL", "IT", "US"};

    private final EventIntake intake;
    private final DataSource shop;
    private final long intervalMillis;
    private final List<Map<String, Object>> open = new ArrayList<>();
    private final String runId = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private volatile boolean running = true;
    private long sequence;

    DemoFeed(EventIntake intake, DataSource shop, long intervalMillis) {
        this.intake = intake;
        this.shop = shop;
        this.intervalMillis = intervalMillis;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            try {
                intake.accept(List.of(next()));
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | SQLException e) {
                LOG.warn("demo feed: {}", e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private EntityEvent next() throws SQLException {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int dice = r.nextInt(10);
        if (open.isEmpty() || dice < 3 && open.size() < 100) {
            return create(r);
        }
        Map<String, Object> order = open.get(r.nextInt(open.size()));
        if (dice < 6) {
            return noise(order, r);
        }
        return advance(order);
    }

    private EntityEvent create(ThreadLocalRandom r) throws SQLException {
        String id = "o-" + runId + "-" + (++sequence);
        String customer = CUSTOMERS[r.nextInt(CUSTOMERS.length)];
        BigDecimal total = BigDecimal.valueOf(r.nextDouble(5, 900)).setScale(2, RoundingMode.HALF_UP);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("customer_id", customer);
        data.put("status", "new");
        data.put("total", total.doubleValue());
        data.put("country", COUNTRIES[r.nextInt(COUNTRIES.length)]);
        data.put("views", 0L);
        try (Connection c = shop.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("insert into orders (id, customer_id, status, total, country) values (?, ?, 'new', ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, customer);
                ps.setBigDecimal(3, total);
                ps.setString(4, (String) data.get("country"));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into order_lines (order_id, sku, qty, price) values (?, ?, ?, ?)")) {
                for (int i = 1 + r.nextInt(4); i > 0; i--) {
                    ps.setString(1, id);
                    ps.setString(2, "SKU-" + (100 + r.nextInt(50)));
                    ps.setInt(3, 1 + r.nextInt(3));
                    ps.setBigDecimal(4, BigDecimal.valueOf(r.nextInt(1, 200)));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        open.add(data);
        return EntityEvent.builder().entityType("order").entityId(id).operation(Operation.CREATE).data(Map.copyOf(data)).build();
    }

    private EntityEvent noise(Map<String, Object> order, ThreadLocalRandom r) {
        Map<String, Object> before = Map.copyOf(order);
        order.put("views", (Long) order.get("views") + 1 + r.nextInt(3));
        return update(order, before);
    }

    private EntityEvent advance(Map<String, Object> order) {
        Map<String, Object> before = Map.copyOf(order);
        String next = switch ((String) order.get("status")) {
            case "new" -> "paid";
            case "paid" -> "shipped";
            default -> null;
        };
        if (next == null) {
            open.remove(order);
            return noise(open.isEmpty() ? order : open.getFirst(), ThreadLocalRandom.current());
        }
        order.put("status", next);
        return update(order, before);
    }

    private static EntityEvent update(Map<String, Object> order, Map<String, Object> before) {
        return EntityEvent.builder().entityType("order").entityId((String) order.get("id")).operation(Operation.UPDATE)
                .previous(before).data(Map.copyOf(order)).build();
    }
}
