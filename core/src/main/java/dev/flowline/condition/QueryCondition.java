package dev.flowline.condition;

import dev.flowline.json.Ordered;
import dev.flowline.jdbc.NamedSql;
import dev.flowline.template.TemplateValue;

import java.time.Duration;
import java.util.Map;

/**
 * A SQL query on the application database whose first column of the first row is the result.
 *
 * <p>The result is true when that value is boolean true or a non-zero number; no row is false.
 * Parameters are bound, never spliced into the SQL.
 *
 * @param path     JSON path of the condition
 * @param sql      the SQL with named parameters ({@code :name})
 * @param params   templates for each named parameter
 * @param cacheTtl how long a result is reused for the same parameter values; zero disables caching
 */
public record QueryCondition(String path, NamedSql sql, Map<String, TemplateValue> params, Duration cacheTtl)
        implements Condition {

    public QueryCondition {
        params = Ordered.copy(params);
    }

    @Override
    public String describe() {
        return "query " + sql.original();
    }
}
