package dev.flowline.store;

import dev.flowline.notification.Notification;
import dev.flowline.store.Store.Page;
import dev.flowline.store.Store.StoredNotification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The {@code notification} table: one row per recipient of a notification, its id the notification's id plus
 * {@code ":"} plus the recipient; a digest keeps the notifications it groups in {@code parts}. Thread-safe.
 */
final class NotificationTable {

    private static final String COLUMNS = "id, recipient, execution_id, workflow_id, title, body, priority, created_at, "
            + "parts";

    /** The row's values with their types spelled out, for an INSERT ... SELECT (PostgreSQL cannot infer them). */
    private static final String TYPED_VALUES = "CAST(? AS VARCHAR(1024)), CAST(? AS VARCHAR(512)), "
            + "CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(255)), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS VARCHAR(16)), "
            + "CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TEXT), CAST(? AS VARCHAR(512))";

    private final Database db;

    NotificationTable(Database db) {
        this.db = db;
    }

    /** Stores one row per distinct recipient, all or none; a notification stored before is left as it is. */
    void save(Notification n) {
        if (n.recipients().isEmpty()) {
            return;
        }
        try {
            db.write("store notification '" + n.id() + "'", c -> insert(c, n, false));
        } catch (Database.DuplicateKeyException e) {
            // stored before (its rows are only ever written together): nothing changes
        }
    }

    /**
     * Inserts one row per distinct recipient in the caller's transaction; with {@code skipStored}, rows stored
     * before are left out instead of failing the transaction.
     */
    int insert(Connection c, Notification n, boolean skipStored) throws SQLException {
        String sql = skipStored
                ? "INSERT INTO notification (" + COLUMNS + ", notification_id) SELECT " + TYPED_VALUES
                        + " WHERE NOT EXISTS (SELECT 1 FROM notification WHERE id = ?)"
                : "INSERT INTO notification (" + COLUMNS + ", notification_id) VALUES (" + Sql.placeholders(10) + ")";
        String parts = NotificationJson.parts(n.parts());
        int rows = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (String recipient : new LinkedHashSet<>(n.recipients())) {
                ps.setString(1, n.id() + ":" + recipient);
                ps.setString(2, recipient);
                ps.setString(3, n.executionId());
                ps.setString(4, n.workflowId());
                ps.setString(5, n.title());
                ps.setString(6, n.body());
                ps.setString(7, n.priority());
                Sql.setInstant(ps, 8, n.createdAt());
                ps.setString(9, parts);
                ps.setString(10, n.id());
                if (skipStored) {
                    ps.setString(11, n.id() + ":" + recipient);
                }
                ps.addBatch();
            }
            for (int r : ps.executeBatch()) {
                rows += Math.max(r, 0);
            }
        }
        return rows;
    }

    /** Newest first, optionally for one recipient, strictly after the cursor. */
    Page<StoredNotification> page(String recipient, int limit, String cursor) {
        Cursor after = Cursor.decode(cursor);
        int size = Cursor.clampLimit(limit);
        String sql = "SELECT " + COLUMNS + " FROM notification WHERE 1 = 1"
                + (recipient == null ? "" : " AND recipient = ?")
                + (after == null ? "" : " AND (created_at < ? OR (created_at = ? AND id < ?))")
                + " ORDER BY created_at DESC, id DESC LIMIT ?";
        return db.read("list notifications", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (recipient != null) {
                    ps.setString(i++, recipient);
                }
                if (after != null) {
                    Sql.setInstant(ps, i++, after.at());
                    Sql.setInstant(ps, i++, after.at());
                    ps.setString(i++, after.id());
                }
                ps.setInt(i, size + 1);
                List<StoredNotification> rows = rows(ps);
                List<StoredNotification> items = List.copyOf(rows.subList(0, Math.min(size, rows.size())));
                String next = rows.size() > size
                        ? new Cursor(items.getLast().createdAt(), items.getLast().id()).encode() : null;
                return new Page<>(items, next);
            }
        });
    }

    private static List<StoredNotification> rows(PreparedStatement ps) throws SQLException {
        List<StoredNotification> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String recipient = rs.getString("recipient");
                out.add(new StoredNotification(rs.getString("id"), recipient, rs.getString("execution_id"),
                        rs.getString("workflow_id"), rs.getString("title"), rs.getString("body"),
                        rs.getString("priority"), Sql.getInstant(rs, "created_at"),
                        NotificationJson.parts(rs.getString("parts"), recipient)));
            }
        }
        return out;
    }
}
