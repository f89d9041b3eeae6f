package dev.flowline.store;

import dev.flowline.store.Store.StoredWorkflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code workflow} table (one row per id: current version, enabled, deleted) and {@code workflow_version} (every
 * definition ever saved). Thread-safe.
 */
final class WorkflowTable {

    private static final String SELECT = """
            SELECT w.id, v.version, w.enabled, v.definition, v.created_at
            FROM workflow w JOIN workflow_version v ON v.workflow_id = w.id""";

    private final Database db;
    private final Clock clock;

    WorkflowTable(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    StoredWorkflow save(String id, String definitionJson) {
        try {
            return db.write("save workflow '" + id + "'", c -> save(c, id, definitionJson));
        } catch (Database.DuplicateKeyException e) {
            // another writer created the same new id first; now the row exists and can be locked
            return db.write("save workflow '" + id + "'", c -> save(c, id, definitionJson));
        }
    }

    private StoredWorkflow save(Connection c, String id, String definitionJson) throws SQLException {
        int version;
        boolean enabled;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT current_version, enabled, deleted FROM workflow WHERE id = ? FOR UPDATE")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    version = rs.getInt(1) + 1;
                    // saving a deleted workflow brings it back as a new, enabled one (its numbering goes on)
                    enabled = rs.getBoolean(3) || rs.getBoolean(2);
                    update(c, "UPDATE workflow SET current_version = ?, enabled = ?, deleted = FALSE WHERE id = ?",
                            version, enabled, id);
                } else {
                    version = 1;
                    enabled = true;
                    update(c, "INSERT INTO workflow (current_version, enabled, deleted, id) VALUES (?, ?, FALSE, ?)",
                            version, enabled, id);
                }
            }
        }
        Instant now = Sql.millis(clock.instant());
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO workflow_version (workflow_id, version, definition, created_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setInt(2, version);
            ps.setString(3, definitionJson);
            Sql.setInstant(ps, 4, now);
            ps.executeUpdate();
        }
        return new StoredWorkflow(id, version, enabled, definitionJson, now);
    }

    private static void update(Connection c, String sql, int version, boolean enabled, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, version);
            ps.setBoolean(2, enabled);
            ps.setString(3, id);
            ps.executeUpdate();
        }
    }

    Optional<StoredWorkflow> current(String id) {
        return db.read("read workflow '" + id + "'", c -> first(query(c,
                SELECT + " AND v.version = w.current_version WHERE w.id = ? AND w.deleted = FALSE", id)));
    }

    Optional<StoredWorkflow> version(String id, int version) {
        return db.read("read version " + version + " of workflow '" + id + "'", c -> first(query(c,
                SELECT + " AND v.version = ? WHERE w.id = ?", version, id)));
    }

    List<StoredWorkflow> all() {
        return db.read("list workflows", c -> query(c,
                SELECT + " AND v.version = w.current_version WHERE w.deleted = FALSE ORDER BY w.id"));
    }

    boolean setEnabled(String id, boolean enabled) {
        return db.read("enable or disable workflow '" + id + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE workflow SET enabled = ? WHERE id = ? AND deleted = FALSE")) {
                ps.setBoolean(1, enabled);
                ps.setString(2, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    boolean delete(String id) {
        return db.read("delete workflow '" + id + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE workflow SET deleted = TRUE WHERE id = ? AND deleted = FALSE")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static List<StoredWorkflow> query(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<StoredWorkflow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredWorkflow(rs.getString(1), rs.getInt(2), rs.getBoolean(3), rs.getString(4),
                            Sql.getInstant(rs, "created_at")));
                }
            }
            return out;
        }
    }

    private static Optional<StoredWorkflow> first(List<StoredWorkflow> rows) {
        return rows.stream().findFirst();
    }
}
