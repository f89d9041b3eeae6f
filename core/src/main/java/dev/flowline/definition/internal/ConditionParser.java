package dev.flowline.definition.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.condition.AllOf;
import dev.flowline.condition.AnyOf;
import dev.flowline.condition.Condition;
import dev.flowline.condition.ExpressionCondition;
import dev.flowline.condition.FieldCondition;
import dev.flowline.condition.Not;
import dev.flowline.condition.Operator;
import dev.flowline.condition.QueryCondition;
import dev.flowline.jdbc.NamedSql;
import dev.flowline.json.InputError;
import dev.flowline.json.Json;
import dev.flowline.json.Paths;
import dev.flowline.template.CompiledExpression;
import dev.flowline.template.TemplateEngine;
import dev.flowline.template.TemplateException;
import dev.flowline.template.TemplateValue;
import dev.flowline.value.FieldPath;
import dev.flowline.value.Values;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Parses the {@code conditions} of a definition into typed {@link Condition}s. Not thread-safe (one per parse). */
public final class ConditionParser {

    private static final List<String> TYPES = List.of("field", "all", "any", "not", "expression", "query");

    private final TemplateEngine templates;
    private final List<InputError> errors;
    private final List<InputError> warnings;

    public ConditionParser(TemplateEngine templates, List<InputError> errors, List<InputError> warnings) {
        this.templates = templates;
        this.errors = errors;
        this.warnings = warnings;
    }

    /** Parses a list of conditions at {@code path}; invalid ones are reported and left out. */
    public List<Condition> parseList(JsonNode list, String path) {
        List<Condition> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        if (!list.isArray()) {
            errors.add(new InputError(path, "must be a list of conditions"));
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            Condition c = parse(list.get(i), Paths.index(path, i));
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** Parses one condition; null when it is invalid (errors recorded). */
    public Condition parse(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            errors.add(new InputError(path, "a condition must be an object with a type"));
            return null;
        }
        ObjectReader r = new ObjectReader(node, path, errors);
        String type = r.optionalString("type");
        if (type == null && r.has("field")) {
            type = "field";
        }
        if (type == null) {
            r.error("type", "is required; one of " + String.join(", ", TYPES));
            return null;
        }
        return switch (type) {
            case "field" -> field(r);
            case "all" -> {
                List<Condition> children = children(r, type);
                r.rejectUnknown(Set.of("type", "conditions"));
                yield children == null ? null : new AllOf(path, children);
            }
            case "any" -> {
                List<Condition> children = children(r, type);
                r.rejectUnknown(Set.of("type", "conditions"));
                yield children == null ? null : new AnyOf(path, children);
            }
            case "not" -> not(r);
            case "expression" -> expression(r);
            case "query" -> query(r);
            default -> {
                String s = Suggest.closest(type, TYPES);
                r.error("type", "unknown condition type '" + type + "'"
                        + (s == null ? "; use one of " : "; did you mean '" + s + "'? Condition types: ")
                        + String.join(", ", TYPES));
                yield null;
            }
        };
    }

    private List<Condition> children(ObjectReader r, String type) {
        JsonNode list = r.get("conditions");
        if (list == null || !list.isArray() || list.isEmpty()) {
            r.error("conditions", "'" + type + "' needs a list of at least one condition"
                    + (list == null ? "" : ", not " + ObjectReader.shown(list))
                    + "; add the conditions it combines, or remove the '" + type + "'");
            return null;
        }
        int before = errors.size();
        List<Condition> out = parseList(list, r.path("conditions"));
        return errors.size() == before ? out : null;
    }

    private Condition not(ObjectReader r) {
        JsonNode inner = r.get("condition");
        r.rejectUnknown(Set.of("type", "condition"));
        if (inner == null) {
            r.error("condition", "is required (the one condition to negate)");
            return null;
        }
        Condition c = parse(inner, r.path("condition"));
        return c == null ? null : new Not(r.path(), c);
    }

    private Condition field(ObjectReader r) {
        String field = r.requiredString("field");
        String opName = r.requiredString("operator");
        JsonNode valueNode = r.get("value");
        r.rejectUnknown(Set.of("type", "field", "operator", "value"));
        if (field == null || opName == null) {
            return null;
        }
        Operator op = Operator.fromJson(opName);
        if (op == null) {
            String s = Suggest.closest(opName, java.util.Arrays.stream(Operator.values()).map(Operator::jsonName).toList());
            r.error("operator", "unknown operator '" + opName + "'"
                    + (s == null ? "; use one of " : "; did you mean '" + s + "'? Operators: ") + Operator.names());
            return null;
        }
        Object value = valueNode == null ? null : Json.toJava(valueNode);
        Pattern pattern = null;
        if (!op.takesValue()) {
            if (valueNode != null) {
                r.error("value", "operator " + op.jsonName() + " takes no value");
                return null;
            }
        } else if (valueNode == null && r.isNull("value")) {
            r.error("value", "operator " + op.jsonName() + " cannot compare with null; use the operator is_null"
                    + " (true when the field is null or absent) or exists");
            return null;
        } else if (valueNode == null) {
            r.error("value", "is required for operator " + op.jsonName());
            return null;
        } else {
            String problem = checkOperand(op, value);
            if (problem != null) {
                r.error("value", problem + ", not " + ObjectReader.shown(valueNode));
                return null;
            }
            if (op == Operator.MATCHES) {
                try {
                    pattern = Pattern.compile((String) value);
                } catch (PatternSyntaxException e) {
                    r.error("value", ObjectReader.shown(valueNode) + " is not a valid regular expression: "
                            + e.getDescription() + " near index " + e.getIndex() + "; matches needs a Java regex");
                    return null;
                }
            }
        }
        return new FieldCondition(r.path(), FieldPath.of(field), op, value, pattern);
    }

    private static String checkOperand(Operator op, Object value) {
        return switch (op) {
            case IN, NOT_IN -> value instanceof List<?> ? null
                    : "operator " + op.jsonName() + " needs a list of values such as [\"a\", \"b\"]";
            case BETWEEN -> value instanceof List<?> l && l.size() == 2 && Values.compare(l.get(0), l.get(1)) != null
                    ? null : "operator between needs a list of two numbers or two strings, [low, high]";
            case STARTS_WITH, ENDS_WITH, MATCHES -> value instanceof String ? null
                    : "operator " + op.jsonName() + " needs a string value";
            case EQ, NE, CHANGED_FROM, CHANGED_TO -> value == null
                    ? "operator " + op.jsonName() + " cannot compare with null; use is_null or exists" : null;
            case GT, GTE, LT, LTE -> value instanceof Number || value instanceof String ? null
                    : "operator " + op.jsonName() + " needs a number or a string";
            default -> null;
        };
    }

    private Condition expression(ObjectReader r) {
        String source = r.requiredString("expression");
        r.rejectUnknown(Set.of("type", "expression"));
        if (source == null) {
            return null;
        }
        try {
            CompiledExpression e = templates.compileExpression(source);
            return new ExpressionCondition(r.path(), e);
        } catch (TemplateException e) {
            r.error("expression", e.getMessage());
            return null;
        }
    }

    private Condition query(ObjectReader r) {
        String sql = r.requiredString("sql");
        JsonNode params = r.get("params");
        long ttl = r.integer("cache_ttl_seconds", 0, 86_400, 0);
        r.rejectUnknown(Set.of("type", "sql", "params", "cache_ttl_seconds"));
        if (sql == null) {
            return null;
        }
        NamedSql named = NamedSql.parse(sql);
        Map<String, TemplateValue> compiled = params(r, params, named);
        if (compiled == null) {
            return null;
        }
        return new QueryCondition(r.path(), named, compiled, Duration.ofSeconds(ttl));
    }

    /** The error for a template that does not compile, at the path of its string (said once, not twice). */
    static InputError templateError(TemplateException e, String fallbackPath) {
        String path = e.path() == null ? fallbackPath : e.path();
        String message = e.getMessage();
        if (message.startsWith(path + ": ")) {
            message = message.substring(path.length() + 2);
        }
        return new InputError(path, message);
    }

    /**
     * Compiles {@code params} and checks them against the SQL's named parameters: a parameter the SQL uses but
     * params lacks is an error; one params has but the SQL never uses is a warning.
     */
    Map<String, TemplateValue> params(ObjectReader r, JsonNode params, NamedSql sql) {
        Map<String, TemplateValue> out = new HashMap<>();
        boolean ok = true;
        if (params != null && !params.isObject()) {
            r.error("params", "must be an object mapping each :name in the SQL to a value or template");
            return null;
        }
        if (params != null) {
            for (var it = params.fields(); it.hasNext(); ) {
                var e = it.next();
                String p = Paths.field(r.path("params"), e.getKey());
                try {
                    out.put(e.getKey(), templates.compileValue(Json.toJava(e.getValue()), p));
                } catch (TemplateException ex) {
                    errors.add(templateError(ex, p));
                    ok = false;
                }
                if (!sql.names().contains(e.getKey())) {
                    warnings.add(new InputError(p, "parameter is not used by the SQL (no :" + e.getKey() + " in it)"));
                }
            }
        }
        for (String name : sql.names()) {
            if (!out.containsKey(name) && (params == null || !params.has(name))) {
                r.error("sql", "parameter :" + name + " is not bound; add \"" + name + "\" to params");
                ok = false;
            }
        }
        return ok ? out : null;
    }
}
