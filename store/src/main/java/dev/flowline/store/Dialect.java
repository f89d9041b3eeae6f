package dev.flowline.store;

import java.sql.SQLException;

/**
 * What differs between the databases the store runs on. The defaults are H2's; {@link PostgresDialect} overrides
 * only what PostgreSQL does differently. Everything else (schema, queries) is one SQL for both.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface Dialect {

    /** A short name for messages and logs, e.g. {@code h2}. */
    String name();

    /**
     * Inserts or replaces one {@code action_result} row. Parameters, in order: execution_id, action_id, ordinal,
     * type, status, attempts, started_at, finished_at, output, error. A null ordinal keeps the stored one.
     */
    default String upsertActionResult() {
        return """
                MERGE INTO action_result t
                USING (VALUES (CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(255)), CAST(? AS INTEGER),
                               CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(16)), CAST(? AS TEXT),
                               CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE),
                               CAST(? AS TEXT), CAST(? AS TEXT)))
                    AS s (execution_id, action_id, ordinal, type, status, attempts, started_at, finished_at,
                          output, error)
                ON t.execution_id = s.execution_id AND t.action_id = s.action_id
                WHEN MATCHED THEN UPDATE SET ordinal = COALESCE(s.ordinal, t.ordinal), type = s.type,
                    status = s.status, attempts = s.attempts, started_at = s.started_at,
                    finished_at = s.finished_at, output = s.output, error = s.error
                WHEN NOT MATCHED THEN INSERT (execution_id, action_id, ordinal, type, status, attempts, started_at,
                    finished_at, output, error)
                    VALUES (s.execution_id, s.action_id, s.ordinal, s.type, s.status, s.attempts, s.started_at,
                            s.finished_at, s.output, s.error)""";
    }

    /**
     * A statement that forces committed data to stable storage (an fsync), run after each commit when
     * {@link StoreOptions#fsyncOnCommit()} is set; null when commits are already synced. H2: {@code CHECKPOINT
     * SYNC}.
     */
    default String syncStatement() {
        return "CHECKPOINT SYNC";
    }

    /** Whether the exception reports a unique or primary key violation (SQLSTATE 23505 in both databases). */
    default boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if ("23505".equals(x.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
