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
        if (a.forEach() != null) {
            return batch(a, attempt);
        }
        List<Object> values = SqlParameters.bind(a.sql(), params(a, attempt.context()));
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
            return Map.of("rows_affected", (long) n);
        } catch (SQLException e) {
            throw new ActionFailedException("SQL failed (" + e.getSQLState() + "): " + e.getMessage(), retryable(e), e);
        }
    }

    private static Map<String, Object> params(DatabaseAction a, Map<String, Object> context) {
        Map<String, Object> params = new HashMap<>();
        for (Map.Entry<String, TemplateValue> p : a.params().entrySet()) {
            params.put(p.getKey(), p.getValue().render(context));
        }
        return params;
    }

    /** for_each: one statement per item, as one JDBC batch in one transaction (all or nothing). */
    private Object batch(DatabaseAction a, Attempt attempt) {
        Object items = a.forEach().render(attempt.context());
        if (!(items instanceof List<?> list)) {
            throw new ActionFailedException("for_each must render to a list, got "
                    + (items == null ? "null" : items.getClass().getSimpleName()), false);
        }
        Map<String, Object> context = new HashMap<>(attempt.context());
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(a.sql().jdbc())) {
                ps.setQueryTimeout((int) Math.max(1, attempt.timeout().toSeconds()));
                for (Object item : list) {
                    context.put("item", item);
                    SqlParameters.apply(ps, SqlParameters.bind(a.sql(), params(a, context)));
                    ps.addBatch();
                }
                long affected = 0;
                for (int n : list.isEmpty() ? new int[0] : ps.executeBatch()) {
                    affected += Math.max(n, 0);
                }
                c.commit();
                Map<String, Object> out = new java.util.LinkedHashMap<>();
                out.put("items", (long) list.size());
                out.put("rows_affected", affected);
                return out;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new ActionFailedException("SQL batch failed (" + e.getSQLState() + "), nothing was written: "
                    + e.getMessage(), retryable(e), e);
        }
    }

    static boolean retryable(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientException || e instanceof SQLTimeoutException
                || "40001".equals(state) || "40P01".equals(state) || (state != null && state.startsWith("08"));
    }
}
