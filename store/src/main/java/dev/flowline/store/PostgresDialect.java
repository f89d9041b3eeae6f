package dev.flowline.store;

/**
 * PostgreSQL 13 or newer: upserts with {@code ON CONFLICT}, and no extra sync statement, since a commit with
 * {@code synchronous_commit = on} (PostgreSQL's default) returns only after its WAL record was flushed to disk.
 * Stateless and thread-safe.
 */
public final class PostgresDialect implements Dialect {

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String upsertActionResult() {
        return """
                INSERT INTO action_result (execution_id, action_id, ordinal, type, status, attempts, started_at,
                    finished_at, output, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (execution_id, action_id) DO UPDATE SET
                    ordinal = COALESCE(EXCLUDED.ordinal, action_result.ordinal), type = EXCLUDED.type,
                    status = EXCLUDED.status, attempts = EXCLUDED.attempts, started_at = EXCLUDED.started_at,
                    finished_at = EXCLUDED.finished_at, output = EXCLUDED.output, error = EXCLUDED.error""";
    }

    @Override
    public String syncStatement() {
        return null;
    }
}
