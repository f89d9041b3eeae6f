package dev.flowline.condition;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.flowline.jdbc.NamedSql;
import dev.flowline.jdbc.SqlParameters;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs {@code query} conditions on the application database and caches their results.
 *
 * <p>A result is cached per SQL text and bound parameter values for the condition's {@code cache_ttl_seconds}.
 * Thread-safe.
 */
public final class QueryConditionRunner {

    private final DataSource dataSource;
    private final Duration statementTimeout;
    private final Cache<Key, Boolean> cache;
    private final LongAdder executed = new LongAdder();

    private record Key(String sql, List<Object> values, long ttlNanos) {
    }

    public QueryConditionRunner(DataSource dataSource, Duration statementTimeout, long maxCachedResults) {
        this.dataSource = dataSource;
        this.statementTimeout = statementTimeout;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxCachedResults)
                .expireAfter(new Expiry<Key, Boolean>() {
                    @Override
                    public long expireAfterCreate(Key key, Boolean value, long currentTime) {
                        return key.ttlNanos();
                    }

                    @Override
                    public long expireAfterUpdate(Key key, Boolean value, long currentTime, long currentDuration) {
                        return key.ttlNanos();
                    }

                    @Override
                    public long expireAfterRead(Key key, Boolean value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    /** Number of queries that actually ran on the database (cache misses). */
    public long executedQueries() {
        return executed.sum();
    }

    /** Evaluates the query with the given parameter values (by name). */
    public boolean test(QueryCondition condition, Map<String, Object> params) {
        NamedSql sql = condition.sql();
        List<Object> values = SqlParameters.bind(sql, params);
        long ttl = condition.cacheTtl().toNanos();
        if (ttl <= 0) {
            return run(condition, values);
        }
        return cache.get(new Key(sql.jdbc(), values, ttl), k -> run(condition, values));
    }

    private boolean run(QueryCondition condition, List<Object> values) {
        if (dataSource == null) {
            throw new ConditionException(condition.path(),
                    "a query condition needs an application database; configure one (--app-db in flowline run)", null);
        }
        executed.increment();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(condition.sql().jdbc())) {
            ps.setQueryTimeout((int) Math.max(1, statementTimeout.toSeconds()));
            SqlParameters.apply(ps, values);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                Object v = rs.getObject(1);
                if (v instanceof Boolean b) {
                    return b;
                }
                if (v instanceof Number n) {
                    return n.doubleValue() != 0.0;
                }
                // Only a boolean true or a non-zero number counts, as documented: text such as 'false' must not pass.
                return false;
            }
        } catch (SQLException e) {
            throw new ConditionException(condition.path(), "query failed: " + e.getMessage(), e);
        }
    }
}
