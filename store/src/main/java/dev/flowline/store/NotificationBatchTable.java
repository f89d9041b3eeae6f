package dev.flowline.store;

import dev.flowline.notification.Notification;
import dev.flowline.notification.PendingNotification;
import dev.flowline.notification.PendingNotifications;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code notification_batch_item} table as {@link PendingNotifications}: notifications wait here durably for
 * their recipient's digest, and stay (with the digest's id) after it went out, so an item is added once.
 *
 * <p>A flush is one transaction: it marks the recipient's waiting items as taken (only those still waiting) and
 * stores the digest in the {@code notification} table. When another flush took some of the items first, the
 * transaction is rolled back and the flush finds nothing, so every item is in exactly one digest. Thread-safe.
 */
final class NotificationBatchTable implements PendingNotifications {

    private static final String COLUMNS = "id, notification_id, recipient, execution_id, workflow_id, title, body, "
            + "created_at, batch_size, deliver_by";
    private static final String TYPED_VALUES = "CAST(? AS VARCHAR(1024)), CAST(? AS VARCHAR(512)), "
            + "CAST(? AS VARCHAR(512)), CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(255)), CAST(? AS TEXT), "
            + "CAST(? AS TEXT), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS INTEGER), "
            + "CAST(? AS TIMESTAMP WITH TIME ZONE)";

    private final Database db;
    private final NotificationTable notifications;

    NotificationBatchTable(Database db, NotificationTable notifications) {
        this.db = db;
        this.notifications = notifications;
    }

    /** Another flush took the items between our read and our update. */
    private static final class LostRace extends RuntimeException {
        LostRace() {
            super(null, null, false, false);
        }
    }

    @Override
    public void add(List<PendingNotification> items) {
        if (items.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO notification_batch_item (" + COLUMNS + ") SELECT " + TYPED_VALUES
                + " WHERE NOT EXISTS (SELECT 1 FROM notification_batch_item WHERE id = ?)";
        try {
            db.write("queue " + items.size() + " notification(s) for a digest", c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (PendingNotification p : items) {
                        bind(ps, p);
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                }
            });
        } catch (Database.DuplicateKeyException e) {
            // the same item was added concurrently (a retried action racing itself): it waits once, as it should
        }
    }

    private static void bind(PreparedStatement ps, PendingNotification p) throws SQLException {
        ps.setString(1, p.id());
        ps.setString(2, p.notificationId());
        ps.setString(3, p.recipient());
        ps.setString(4, p.executionId());
        ps.setString(5, p.workflowId());
        ps.setString(6, p.title());
        ps.setString(7, p.body());
        Sql.setInstant(ps, 8, p.createdAt());
        ps.setInt(9, p.batchSize());
        Sql.setInstant(ps, 10, p.deliverBy());
        ps.setString(11, p.id());
    }

    @Override
    public boolean isDue(String recipient, Instant now) {
        return db.read("read the notification batch of '" + recipient + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) AS n, MIN(batch_size) AS size,"
                    + " MIN(deliver_by) AS deliver_by FROM notification_batch_item"
                    + " WHERE digest_id IS NULL AND recipient = ?")) {
                ps.setString(1, recipient);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long n = rs.getLong("n");
                    return n > 0 && (n >= rs.getLong("size") || !Sql.getInstant(rs, "deliver_by").isAfter(now));
                }
            }
        });
    }

    @Override
    public List<String> dueRecipients(Instant now, int limit) {
        return db.read("list due notification digests", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT recipient FROM notification_batch_item"
                    + " WHERE digest_id IS NULL GROUP BY recipient"
                    + " HAVING COUNT(*) >= MIN(batch_size) OR MIN(deliver_by) <= ? ORDER BY recipient LIMIT ?")) {
                Sql.setInstant(ps, 1, now);
                ps.setInt(2, limit);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Optional<Notification> flush(String recipient, int maxItems,
                                        Function<List<PendingNotification>, Notification> digest) {
        try {
            return db.write("deliver the notification digest of '" + recipient + "'", c -> {
                List<PendingNotification> items = waiting(c, recipient, maxItems);
                if (items.isEmpty()) {
                    return Optional.empty();
                }
                Notification d = digest.apply(items);
                if (take(c, items, d.id() + ":" + recipient) != items.size()) {
                    throw new LostRace();
                }
                notifications.insert(c, d, true);
                return Optional.of(d);
            });
        } catch (LostRace e) {
            return Optional.empty();
        }
    }

    private static List<PendingNotification> waiting(Connection c, String recipient, int max) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM notification_batch_item"
                + " WHERE digest_id IS NULL AND recipient = ? ORDER BY seq LIMIT ?")) {
            ps.setString(1, recipient);
            ps.setInt(2, max);
            List<PendingNotification> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PendingNotification(rs.getString("notification_id"), rs.getString("recipient"),
                            rs.getString("execution_id"), rs.getString("workflow_id"), rs.getString("title"),
                            rs.getString("body"), Sql.getInstant(rs, "created_at"), rs.getInt("batch_size"),
                            Sql.getInstant(rs, "deliver_by")));
                }
            }
            return out;
        }
    }

    /** Marks the items as delivered in the digest row; only items still waiting count. */
    private static int take(Connection c, List<PendingNotification> items, String digestRowId) throws SQLException {
        int taken = 0;
        for (List<PendingNotification> chunk : Sql.chunks(items)) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE notification_batch_item SET digest_id = ?"
                    + " WHERE digest_id IS NULL AND id IN (" + Sql.placeholders(chunk.size()) + ")")) {
                ps.setString(1, digestRowId);
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 2, chunk.get(i).id());
                }
                taken += ps.executeUpdate();
            }
        }
        return taken;
    }

    @Override
    public long pendingCount() {
        return db.read("count notifications waiting for a digest", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM notification_batch_item WHERE digest_id IS NULL");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
