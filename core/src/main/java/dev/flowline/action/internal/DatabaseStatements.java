package dev.flowline.action.internal;

import dev.flowline.action.ActionFailedException;
import dev.flowline.action.DatabaseAction;
import dev.flowline.jdbc.SqlParameters;
import dev.flowline.template.TemplateValue;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code database} actions on the application database with bound parameters. Thread-safe.
 *
 * <p>A query's output is its rows (objects keyed by lower-case column name); other statements output
 * {@code {"rows_affected": n}}. Serialization failures, deadlocks and timeouts are retryable.
 */
public final class DatabaseStatements {

    private final DataSource dataSource;
    private final int maxRows;

    public DatabaseStatements(DataSource dataSource, int maxRows) {
        this.dataSource = dataSource;
        this.maxRows = maxRows;
    }

    public Object run(DatabaseAction a, Attempt attempt) {
        if (dataSource == null) {
            throw new ActionFailedException("database actions need an application database; none is configured"
                    + " (use --app-db with flowline run)", false);
        }
        Map<String, Object> params = new HashMap<>();
        for (Map.Entry<String, TemplateValue> p : a.params().entrySet()) {
            params.put(p.getKey(), p.getValue().render(attempt.context()));
        }
        List<Object> values = SqlParameters.bind(a.sql(), params);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(a.sql().jdbc())) {
            ps.setQueryTimeout((int) Math.max(1, attempt.timeout().toSeconds()));
            SqlParameters.apply(ps, values);
            if (a.operation() == DatabaseAction.Operation.QUERY) {
                ps.setMaxRows(maxRows + 1);
                try (var rs = ps.executeQuery()) {
                    return SqlParameters.rows(rs, maxRows);
                }
            }
            int n = ps.executeUpdate();
            return Map.of("rows_affected", n);
        } catch (SQLException e) {
            throw new ActionFailedException("SQL failed (" + e.getSQLState() + "): " + e.getMessage(), retryable(e), e);
        }
    }

    static boolean retryable(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientException || e instanceof SQLTimeoutException
                || "40001".equals(state) || "40P01".equals(state) || (state != null && state.startsWith("08"));
    }
}
