package dev.flowline.store;

import dev.flowline.condition.ConditionResult;
import dev.flowline.event.EntityEvent;
import dev.flowline.execution.ActionRecord;
import dev.flowline.execution.ExecutionRecord;
import dev.flowline.execution.ExecutionStatus;
import dev.flowline.execution.JournaledExecution;
import dev.flowline.store.Store.ExecutionQuery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code execution} table: one row per (event, workflow), inserted as {@code running} before the actions run and
 * updated when the execution finishes. All methods work in the caller's connection. Thread-safe.
 */
final class ExecutionTable {

    static final String RUNNING = "running";

    private static final String COLUMNS = "id, event_id, workflow_id, workflow_version, tenant, entity_type, "
            + "entity_id, status, started_at, finished_at, duration_ms, condition_time_us, conditions, error";

    /** One row, before its actions are attached. */
    record Row(String id, String eventId, String workflowId, int workflowVersion, String tenant, String entityType,
               String entityId, String status, Instant startedAt, Instant finishedAt, long conditionTimeUs,
               List<ConditionResult> conditions, String error) {

        /** As an execution record; a running one has no finish time yet. */
        ExecutionRecord toRecord(List<ActionRecord> actions) {
            ExecutionStatus s = ExecutionStatus.valueOf(status.toUpperCase(Locale.ROOT));
            return new ExecutionRecord(id, workflowId, workflowVersion, eventId, tenant, entityType, entityId, s,
                    startedAt, finishedAt, conditionTimeUs, conditions, error, actions);
        }

        JournaledExecution toJournaled(List<ActionRecord> actions) {
            return new JournaledExecution(id, workflowId, workflowVersion, startedAt, conditionTimeUs, conditions,
                    !RUNNING.equals(status), actions.stream().collect(Collectors.toMap(ActionRecord::id, a -> a)));
        }
    }

    /** @param conditionsJson the execution's conditions as {@link JournalJson#conditions} wrote them */
    void insertRunning(Connection c, EntityEvent event, JournaledExecution x, String conditionsJson)
            throws SQLException {
        insert(c, new Row(x.executionId(), event.eventId(), x.workflowId(), x.workflowVersion(), event.tenant(),
                event.entityType(), event.entityId(), RUNNING, x.startedAt(), null, x.conditionTimeUs(),
                x.conditions(), null), null, conditionsJson);
    }

    void insertFinished(Connection c, ExecutionRecord r, String conditionsJson) throws SQLException {
        insert(c, new Row(r.executionId(), r.eventId(), r.workflowId(), r.workflowVersion(), r.tenant(),
                r.entityType(), r.entityId(), r.status().jsonName(), r.startedAt(), r.finishedAt(),
                r.conditionTimeUs(), r.conditions(), r.error()), r.durationMs(), conditionsJson);
    }

    private static void insert(Connection c, Row r, Long durationMs, String conditionsJson) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO execution (" + COLUMNS + ") VALUES ("
                + Sql.placeholders(14) + ")")) {
            ps.setString(1, r.id());
            ps.setString(2, r.eventId());
            ps.setString(3, r.workflowId());
            ps.setInt(4, r.workflowVersion());
            ps.setString(5, r.tenant());
            ps.setString(6, r.entityType());
            ps.setString(7, r.entityId());
            ps.setString(8, r.status());
            Sql.setInstant(ps, 9, r.startedAt());
            Sql.setInstant(ps, 10, r.finishedAt());
            ps.setObject(11, durationMs, java.sql.Types.BIGINT);
            ps.setLong(12, r.conditionTimeUs());
            ps.setString(13, conditionsJson);
            ps.setString(14, r.error());
            ps.executeUpdate();
        }
    }

    /** Records the outcome of an execution; false when it has no row. */
    boolean updateFinished(Connection c, ExecutionRecord r, String conditionsJson) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE execution SET status = ?, finished_at = ?, "
                + "duration_ms = ?, condition_time_us = ?, conditions = ?, error = ? WHERE id = ?")) {
            ps.setString(1, r.status().jsonName());
            Sql.setInstant(ps, 2, r.finishedAt());
            ps.setLong(3, r.durationMs());
            ps.setLong(4, r.conditionTimeUs());
            ps.setString(5, conditionsJson);
            ps.setString(6, r.error());
            ps.setString(7, r.executionId());
            return ps.executeUpdate() > 0;
        }
    }

    /** Sets a failed execution running again; false when it is not (or no longer) failed. */
    boolean reopenFailed(Connection c, String executionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE execution SET status = '" + RUNNING
                + "', finished_at = NULL, duration_ms = NULL, error = NULL WHERE id = ? AND status = 'failed'")) {
            ps.setString(1, executionId);
            return ps.executeUpdate() > 0;
        }
    }

    /** Failed executions per workflow id (the dead-letter counts). */
    java.util.Map<String, Long> failedByWorkflow(Connection c) throws SQLException {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT workflow_id, COUNT(*) FROM execution WHERE status = 'failed' GROUP BY workflow_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    List<Row> byEvent(Connection c, String eventId) throws SQLException {
        return select(c, "SELECT " + COLUMNS + " FROM execution WHERE event_id = ?", List.of(eventId));
    }

    List<Row> byId(Connection c, String id) throws SQLException {
        return select(c, "SELECT " + COLUMNS + " FROM execution WHERE id = ?", List.of(id));
    }

    /** Up to {@code limit} rows newest first, matching the query's filters, strictly after the cursor. */
    List<Row> page(Connection c, ExecutionQuery q, Cursor after, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM execution WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        Map<String, String> equal = new java.util.LinkedHashMap<>();
        equal.put("workflow_id", q.workflowId());
        equal.put("status", q.status());
        equal.put("entity_type", q.entityType());
        equal.put("entity_id", q.entityId());
        equal.forEach((column, value) -> {
            if (value != null) {
                sql.append(" AND ").append(column).append(" = ?");
                params.add(value);
            }
        });
        if (q.since() != null) {
            sql.append(" AND started_at >= ?");
            params.add(q.since());
        }
        if (after != null) {
            sql.append(" AND (started_at < ? OR (started_at = ? AND id < ?))");
            params.addAll(List.of(after.at(), after.at(), after.id()));
        }
        sql.append(" ORDER BY started_at DESC, id DESC LIMIT ?");
        params.add(limit);
        return select(c, sql.toString(), params);
    }

    private static List<Row> select(Connection c, String sql, List<?> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                switch (params.get(i)) {
                    case Instant t -> Sql.setInstant(ps, i + 1, t);
                    case Integer n -> ps.setInt(i + 1, n);
                    case Object o -> ps.setString(i + 1, o.toString());
                }
            }
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getString("id"), rs.getString("event_id"), rs.getString("workflow_id"),
                            rs.getInt("workflow_version"), rs.getString("tenant"), rs.getString("entity_type"),
                            rs.getString("entity_id"), rs.getString("status"), Sql.getInstant(rs, "started_at"),
                            Sql.getInstant(rs, "finished_at"), rs.getLong("condition_time_us"),
                            JournalJson.conditions(rs.getString("conditions")), rs.getString("error")));
                }
            }
            return out;
        }
    }
}
