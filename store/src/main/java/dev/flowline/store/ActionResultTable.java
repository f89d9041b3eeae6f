package dev.flowline.store;

import dev.flowline.execution.ActionRecord;
import dev.flowline.execution.ActionStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code action_result} table: one row per action of an execution, upserted as the action finishes and again
 * when the execution finishes (which also records the action's position in the workflow). Thread-safe.
 */
final class ActionResultTable {

    private final Dialect dialect;

    ActionResultTable(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * One action row ready to write: its JSON columns are serialized when it is prepared, on the caller's thread,
     * not inside the (shared) transaction.
     */
    record Prepared(ActionRecord record, Integer ordinal, String attempts, String output) {
    }

    /**
     * Prepares action rows for {@link #upsert}.
     *
     * @param firstOrdinal the position of the first record in its workflow (the rest follow), or null when unknown
     */
    static List<Prepared> prepare(List<ActionRecord> records, Integer firstOrdinal) {
        List<Prepared> out = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ActionRecord r = records.get(i);
            out.add(new Prepared(r, firstOrdinal == null ? null : firstOrdinal + i, JournalJson.attempts(r.attempts()),
                    JournalJson.output(r.output())));
        }
        return out;
    }

    /** Inserts or replaces action rows in the caller's transaction. */
    void upsert(Connection c, String executionId, List<Prepared> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(dialect.upsertActionResult())) {
            for (Prepared p : rows) {
                ActionRecord r = p.record();
                ps.setString(1, executionId);
                ps.setString(2, r.id());
                Sql.setNullableInt(ps, 3, p.ordinal());
                ps.setString(4, r.type());
                ps.setString(5, r.status().jsonName());
                ps.setString(6, p.attempts());
                Sql.setInstant(ps, 7, r.startedAt());
                Sql.setInstant(ps, 8, r.finishedAt());
                ps.setString(9, p.output());
                ps.setString(10, r.error());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Deletes the action rows of an execution that did not succeed (or all of them), so they run again. */
    void deleteForRetry(Connection c, String executionId, boolean all) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM action_result WHERE execution_id = ?"
                + (all ? "" : " AND status <> 'succeeded'"))) {
            ps.setString(1, executionId);
            ps.executeUpdate();
        }
    }

    /** The actions of these executions, by execution id, in workflow order (unknown positions last). */
    Map<String, List<ActionRecord>> byExecution(Connection c, List<String> executionIds) throws SQLException {
        Map<String, List<ActionRecord>> out = new LinkedHashMap<>();
        for (List<String> chunk : Sql.chunks(executionIds)) {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT execution_id, action_id, type, status, attempts, started_at, finished_at, output, error
                    FROM action_result WHERE execution_id IN (%s)
                    ORDER BY execution_id, ordinal NULLS LAST, started_at NULLS LAST, action_id"""
                    .formatted(Sql.placeholders(chunk.size())))) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString("execution_id"), k -> new ArrayList<>()).add(row(rs));
                    }
                }
            }
        }
        return out;
    }

    private static ActionRecord row(ResultSet rs) throws SQLException {
        return new ActionRecord(rs.getString("action_id"), rs.getString("type"),
                ActionStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                JournalJson.attempts(rs.getString("attempts")), Sql.getInstant(rs, "started_at"),
                Sql.getInstant(rs, "finished_at"), JournalJson.output(rs.getString("output")), rs.getString("error"));
    }
}
