package dev.flowline.action;

import dev.flowline.json.Ordered;
import dev.flowline.jdbc.NamedSql;
import dev.flowline.template.TemplateValue;

import java.util.Locale;
import java.util.Map;

/**
 * A SQL statement on the application database, with named bound parameters.
 *
 * @param common    common action fields
 * @param operation what kind of statement it is
 * @param sql       the statement
 * @param params    a template per named parameter
 * @param forEach   a template producing a list: the statement runs once per item (as {@code item}) in one JDBC
 *                  batch and one transaction; null for a single statement
 */
public record DatabaseAction(ActionCommon common, Operation operation, NamedSql sql, Map<String, TemplateValue> params,
                             TemplateValue forEach) implements ActionDefinition {

    public DatabaseAction {
        params = Ordered.copy(params);
    }

    /** The {@code operation} of a database action. */
    public enum Operation {
        QUERY, INSERT, UPDATE, DELETE, EXECUTE;

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
