package dev.flowline.definition.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.action.ActionCommon;
import dev.flowline.action.ActionDefinition;
import dev.flowline.action.CustomAction;
import dev.flowline.action.DatabaseAction;
import dev.flowline.action.EmailAction;
import dev.flowline.action.NotificationAction;
import dev.flowline.action.RetryPolicy;
import dev.flowline.action.SetAction;
import dev.flowline.action.UpdateEntityAction;
import dev.flowline.action.WebhookAction;
import dev.flowline.jdbc.NamedSql;
import dev.flowline.json.InputError;
import dev.flowline.json.Json;
import dev.flowline.json.Paths;
import dev.flowline.template.CompiledTemplate;
import dev.flowline.template.TemplateEngine;
import dev.flowline.template.TemplateException;
import dev.flowline.template.TemplateValue;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses the {@code actions} of a definition into typed {@link ActionDefinition}s. One per parse. */
public final class ActionParser {

    private static final Set<String> COMMON = Set.of("id", "type", "dependencies", "result_variable", "timeout_ms",
            "retry", "name", "description");
    private static final List<String> BUILT_IN = List.of("notification", "webhook", "database", "set", "update_entity",
            "email");
    private static final Pattern WINDOW = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");
    private static final Pattern SELECT_STAR = Pattern.compile("(?is)\\bselect\\s+(distinct\\s+)?\\*");
    private static final Pattern LIMIT = Pattern.compile("(?is)\\b(limit|fetch\\s+first|top)\\b");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final TemplateEngine templates;
    private final Set<String> customTypes;
    private final List<InputError> errors;
    private final List<InputError> warnings;
    private final ConditionParser conditions;

    public ActionParser(TemplateEngine templates, Set<String> customTypes, List<InputError> errors,
                        List<InputError> warnings, ConditionParser conditions) {
        this.templates = templates;
        this.customTypes = customTypes;
        this.errors = errors;
        this.warnings = warnings;
        this.conditions = conditions;
    }

    /** Parses the action list; invalid actions are reported and left out. */
    public List<ActionDefinition> parseList(JsonNode list, String path) {
        List<ActionDefinition> out = new ArrayList<>();
        if (list == null) {
            warnings.add(new InputError(path, "the workflow has no actions, so it does nothing when it runs"));
            return out;
        }
        if (!list.isArray()) {
            errors.add(new InputError(path, "must be a list of actions"));
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            ActionDefinition a = parse(list.get(i), Paths.index(path, i));
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    private ActionDefinition parse(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            errors.add(new InputError(path, "an action must be an object with an id and a type"));
            return null;
        }
        ObjectReader r = new ObjectReader(node, path, errors);
        int before = errors.size();
        ActionCommon common = common(r);
        if (common == null) {
            return null;
        }
        ActionDefinition a = switch (common.type()) {
            case "notification" -> notification(r, common);
            case "webhook" -> webhook(r, common);
            case "database" -> database(r, common);
            case "set" -> set(r, common);
            case "update_entity" -> updateEntity(r, common);
            case "email" -> email(r, common);
            default -> custom(r, common, node);
        };
        return errors.size() == before ? a : null;
    }

    private ActionCommon common(ObjectReader r) {
        String id = r.requiredString("id");
        String type = r.requiredString("type");
        if (id != null && !NAME.matcher(id).matches() && !id.matches("[A-Za-z0-9_.-]+")) {
            r.error("id", "must contain only letters, digits, '_', '-' and '.', not '" + id + "'");
        }
        List<String> deps = r.stringList("dependencies");
        String resultVariable = r.optionalString("result_variable");
        if (resultVariable != null && !NAME.matcher(resultVariable).matches()) {
            r.error("result_variable", "'" + resultVariable + "' cannot be read by templates: use a name made of"
                    + " letters, digits and '_' (not starting with a digit)");
        }
        long timeoutMs = r.integer("timeout_ms", 1, 3_600_000, 0);
        r.allow("name", "description");
        if (type != null && !BUILT_IN.contains(type) && !customTypes.contains(type)) {
            List<String> known = new ArrayList<>(BUILT_IN);
            known.addAll(customTypes);
            String s = Suggest.closest(type, known);
            r.error("type", "unknown action type '" + type + "'" + (s == null
                    ? "; use one of " + String.join(", ", known) + ", or register an ActionHandler for '" + type
                    + "' with the engine" : "; did you mean '" + s + "'? Action types: " + String.join(", ", known)));
            return null;
        }
        RetryPolicy retry = retry(r, type);
        if (id == null || type == null) {
            return null;
        }
        return new ActionCommon(id, type, deps == null ? List.of() : deps, resultVariable,
                timeoutMs == 0 ? null : Duration.ofMillis(timeoutMs), retry, r.path());
    }

    private RetryPolicy retry(ObjectReader r, String type) {
        JsonNode node = r.get("retry");
        // Webhooks carry an idempotency key, so retrying them is safe by default; other actions opt in.
        RetryPolicy fallback = "webhook".equals(type) ? RetryPolicy.of(3, Duration.ofMillis(200)) : RetryPolicy.NONE;
        if (node == null) {
            return fallback;
        }
        if (!node.isObject()) {
            r.error("retry", "must be an object such as {\"max_attempts\": 3, \"backoff_ms\": 200}");
            return fallback;
        }
        ObjectReader rr = new ObjectReader(node, r.path("retry"), errors);
        int attempts = (int) rr.integer("max_attempts", 1, 100, fallback.maxAttempts());
        long backoff = rr.integer("backoff_ms", 0, 3_600_000, 200);
        long maxBackoff = rr.integer("max_backoff_ms", 0, 3_600_000, 30_000);
        double multiplier = number(rr, "multiplier", 1.0, 10.0, 2.0);
        double jitter = number(rr, "jitter", 0.0, 1.0, 0.2);
        rr.rejectUnknown(Set.of("max_attempts", "backoff_ms", "max_backoff_ms", "multiplier", "jitter"));
        return new RetryPolicy(attempts, Duration.ofMillis(backoff), multiplier, Duration.ofMillis(maxBackoff), jitter);
    }

    private static double number(ObjectReader r, String field, double min, double max, double fallback) {
        JsonNode v = r.get(field);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber() || v.doubleValue() < min || v.doubleValue() > max) {
            r.error(field, "must be a number from " + min + " to " + max + ", not " + ObjectReader.shown(v));
            return fallback;
        }
        return v.doubleValue();
    }

    private TemplateValue value(ObjectReader r, String field, boolean required) {
        Object raw = r.plain(field);
        if (raw == null) {
            if (required) {
                r.error(field, "is required");
            }
            return null;
        }
        return compile(raw, r.path(field));
    }

    private TemplateValue compile(Object raw, String path) {
        try {
            return templates.compileValue(raw, path);
        } catch (TemplateException e) {
            errors.add(ConditionParser.templateError(e, path));
            return null;
        }
    }

    private Map<String, TemplateValue> map(ObjectReader r, String field, boolean required) {
        JsonNode node = r.get(field);
        if (node == null) {
            if (required) {
                r.error(field, "is required (an object)");
            }
            return Map.of();
        }
        if (!node.isObject()) {
            r.error(field, "must be an object");
            return Map.of();
        }
        Map<String, TemplateValue> out = new LinkedHashMap<>();
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            TemplateValue v = compile(Json.toJava(e.getValue()), Paths.field(r.path(field), e.getKey()));
            if (v != null) {
                out.put(e.getKey(), v);
            }
        }
        return out;
    }

    private ActionDefinition notification(ObjectReader r, ActionCommon common) {
        TemplateValue recipients = value(r, "recipients", true);
        TemplateValue title = value(r, "title", false);
        TemplateValue body = value(r, "body", true);
        String priority = r.optionalString("priority");
        if (priority != null && !priority.equals("high") && !priority.equals("normal")) {
            r.error("priority", "must be high or normal, not '" + priority + "'");
        }
        r.rejectUnknown(union(COMMON, "recipients", "title", "body", "priority"));
        return new NotificationAction(common, recipients, title, body, priority == null ? "normal" : priority);
    }

    private ActionDefinition webhook(ObjectReader r, ActionCommon common) {
        TemplateValue url = value(r, "url", true);
        String written = r.optionalString("method");
        String method = written == null ? "POST" : written.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            r.error("method", "must be one of " + String.join(", ", METHODS.stream().sorted().toList()) + ", not '"
                    + written + "'");
        }
        Map<String, TemplateValue> headers = map(r, "headers", false);
        TemplateValue body = value(r, "body", false);
        TemplateValue signingSecret = value(r, "signing_secret", false);
        r.rejectUnknown(union(COMMON, "url", "method", "headers", "body", "signing_secret"));
        return new WebhookAction(common, url, method, headers, body, signingSecret);
    }

    private ActionDefinition database(ObjectReader r, ActionCommon common) {
        String op = r.requiredString("operation");
        String sql = r.requiredString("sql");
        JsonNode params = r.get("params");
        TemplateValue forEach = value(r, "for_each", false);
        r.rejectUnknown(union(COMMON, "operation", "sql", "params", "for_each"));
        DatabaseAction.Operation operation = null;
        if (op != null) {
            try {
                operation = DatabaseAction.Operation.valueOf(op.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                r.error("operation", "unknown database operation '" + op + "'; use query, insert, update, delete or execute");
            }
        }
        if (sql == null || operation == null) {
            return null;
        }
        NamedSql named = NamedSql.parse(sql);
        Map<String, TemplateValue> compiled = conditions.params(r, params, named);
        if (SELECT_STAR.matcher(sql).find()) {
            warnings.add(new InputError(r.path("sql"),
                    "SELECT * reads every column; name the columns the workflow needs"));
        }
        if (operation == DatabaseAction.Operation.QUERY && common.resultVariable() != null
                && !LIMIT.matcher(sql).find()) {
            warnings.add(new InputError(r.path("sql"), "the query feeds templates (result_variable '"
                    + common.resultVariable() + "') but has no LIMIT; add one to bound the rows read"));
        }
        if (forEach != null && operation == DatabaseAction.Operation.QUERY) {
            r.error("for_each", "only insert, update, delete and execute can run once per item; a query cannot");
        }
        return compiled == null ? null : new DatabaseAction(common, operation, named, compiled, forEach);
    }

    private ActionDefinition email(ObjectReader r, ActionCommon common) {
        TemplateValue to = value(r, "to", true);
        TemplateValue cc = value(r, "cc", false);
        TemplateValue subject = value(r, "subject", true);
        TemplateValue body = value(r, "body", false);
        String html = r.optionalString("html_body");
        CompiledTemplate htmlBody = null;
        if (html != null) {
            try {
                htmlBody = templates.compileHtml(html);
            } catch (TemplateException e) {
                r.error("html_body", e.getMessage());
            }
        }
        if (body == null && html == null && !r.has("body")) {
            r.error("body", "an e-mail needs a body (text) or an html_body, or both");
        }
        String priority = r.optionalString("priority");
        if (priority != null && !priority.equals("high") && !priority.equals("normal")) {
            r.error("priority", "must be high or normal, not '" + priority + "'");
        }
        EmailAction.DeliveryWindow window = deliveryWindow(r);
        r.rejectUnknown(union(COMMON, "to", "cc", "subject", "body", "html_body", "priority", "deliver_between",
                "time_zone"));
        return new EmailAction(common, to, cc, subject, body, htmlBody, priority == null ? "normal" : priority, window);
    }

    private static EmailAction.DeliveryWindow deliveryWindow(ObjectReader r) {
        String between = r.optionalString("deliver_between");
        String zone = r.optionalString("time_zone");
        ZoneId zoneId = ZoneOffset.UTC;
        if (zone != null) {
            try {
                zoneId = ZoneId.of(zone);
            } catch (DateTimeException e) {
                r.error("time_zone", "unknown time zone '" + zone + "'; use a region such as Europe/Berlin or UTC");
            }
        }
        if (between == null) {
            if (zone != null) {
                r.error("time_zone", "only applies with deliver_between");
            }
            return null;
        }
        java.util.regex.Matcher m = WINDOW.matcher(between.strip());
        if (!m.matches()) {
            r.error("deliver_between", "must be a daily window such as \"08:00-20:00\", not '" + between + "'");
            return null;
        }
        try {
            LocalTime start = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            LocalTime end = LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
            if (start.equals(end)) {
                r.error("deliver_between", "starts and ends at " + start + "; give a window such as \"08:00-20:00\" "
                        + "(an end before the start spans midnight), or leave deliver_between out to send at any time");
                return null;
            }
            return new EmailAction.DeliveryWindow(start, end, zoneId);
        } catch (DateTimeException e) {
            r.error("deliver_between", "has an impossible time in '" + between + "': " + e.getMessage());
            return null;
        }
    }

    private ActionDefinition set(ObjectReader r, ActionCommon common) {
        Map<String, TemplateValue> values = map(r, "values", true);
        r.rejectUnknown(union(COMMON, "values"));
        return new SetAction(common, values);
    }

    private ActionDefinition updateEntity(ObjectReader r, ActionCommon common) {
        String entityType = r.optionalString("entity_type");
        TemplateValue entityId = value(r, "entity_id", false);
        JsonNode setNode = r.get("set");
        Map<String, TemplateValue> set = map(r, "set", true);
        if (setNode != null && setNode.isObject() && setNode.isEmpty()) {
            r.error("set", "must name at least one field to set");
        }
        r.rejectUnknown(union(COMMON, "entity_type", "entity_id", "set"));
        return new UpdateEntityAction(common, entityType, entityId, set);
    }

    private ActionDefinition custom(ObjectReader r, ActionCommon common, JsonNode node) {
        Map<String, Object> config = new LinkedHashMap<>();
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!COMMON.contains(e.getKey())) {
                config.put(e.getKey(), Json.toJava(e.getValue()));
            }
        }
        TemplateValue compiled = compile(config, r.path());
        return compiled == null ? null : new CustomAction(common, compiled);
    }

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> out = new HashSet<>(base);
        out.addAll(List.of(more));
        return out;
    }
}
