package dev.flowline.definition;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.action.ActionDefinition;
import dev.flowline.condition.Condition;
import dev.flowline.condition.ConditionOrder;
import dev.flowline.definition.internal.ActionParser;
import dev.flowline.definition.internal.ConditionParser;
import dev.flowline.definition.internal.DefinitionChecks;
import dev.flowline.definition.internal.ObjectReader;
import dev.flowline.event.Operation;
import dev.flowline.json.InputError;
import dev.flowline.json.Json;
import dev.flowline.template.TemplateEngine;
import dev.flowline.template.TemplateValue;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns JSON or YAML workflow definitions into validated {@link WorkflowDefinition}s, or into a list of errors
 * with JSON paths. Templates are compiled here, once.
 *
 * <p>Thread-safe: every parse uses its own state.
 */
public final class DefinitionParser {

    private static final Set<String> TOP_LEVEL = Set.of("$schema", "id", "name", "description", "tenant", "enabled",
            "version", "entity_type", "operations", "field_triggers", "conditions", "actions", "workflow_settings");
    private static final Set<String> SETTINGS = Set.of("action_execution_strategy", "execution_strategy",
            "notification_batch_size", "notification_max_delay_ms", "webhook_signing_secret",
            "max_parallel_actions");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    private final TemplateEngine templates;
    private final Set<String> customActionTypes;

    /**
     * @param templates         compiles the definition's templates
     * @param customActionTypes action types added through the SPI, accepted besides the built-in ones
     */
    public DefinitionParser(TemplateEngine templates, Set<String> customActionTypes) {
        this.templates = templates;
        this.customActionTypes = Set.copyOf(customActionTypes);
    }

    /** Parses JSON or YAML text; {@code defaultId} is used when the definition has no {@code id}. */
    public ParseResult parse(String text, boolean yaml, String defaultId) {
        String format = yaml ? "YAML" : "JSON";
        JsonNode node;
        try (JsonParser p = (yaml ? Json.YAML : Json.MAPPER).createParser(text)) {
            // A key written twice would otherwise silently replace the first one (say, a second "actions").
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            node = p.readValueAsTree();
            if (node != null && p.nextToken() != null) {
                return syntaxError(defaultId, p.currentTokenLocation(), format, "more content follows the"
                        + " definition; a file holds exactly one definition");
            }
        } catch (JsonProcessingException e) {
            return syntaxError(defaultId, e.getLocation(), format, reason(e));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string does not fail", e);
        }
        if (node == null || node.isMissingNode()) {
            return new ParseResult(defaultId, null, List.of(new InputError("", "the definition is empty; write an"
                    + " object with at least entity_type and actions")), List.of());
        }
        return parse(node, defaultId);
    }

    private static ParseResult syntaxError(String defaultId, JsonLocation loc, String format, String reason) {
        String where = loc == null || loc.getLineNr() < 1 ? "" : "line " + loc.getLineNr() + ", column "
                + loc.getColumnNr() + ": ";
        return new ParseResult(defaultId, null, List.of(new InputError("", where + "not valid " + format + ": "
                + reason)), List.of());
    }

    /** One line: SnakeYAML's own message spans several, with a copy of the offending line and a caret. */
    private static String reason(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml) {
            return yaml.getProblem() + (yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")");
        }
        return e.getOriginalMessage();
    }

    /** Parses a definition tree. */
    @SuppressWarnings("unchecked")
    public ParseResult parse(JsonNode node, String defaultId) {
        List<InputError> errors = new ArrayList<>();
        List<InputError> warnings = new ArrayList<>();
        if (node == null || !node.isObject()) {
            return new ParseResult(defaultId, null, List.of(new InputError("", "a workflow definition must be an object")),
                    List.of());
        }
        ObjectReader r = new ObjectReader(node, "", errors);
        String id = r.optionalString("id");
        if (id == null && !r.has("id")) {
            id = defaultId;
        }
        if (id == null && !r.has("id")) {
            r.error("id", "is required");
        } else if (id != null && !ID.matcher(id).matches()) {
            r.error("id", "must start with a letter or digit and contain only letters, digits, '_', '-' and '.'"
                    + " (at most 128 characters)");
        }
        String name = r.optionalString("name");
        String description = r.optionalString("description");
        String tenant = r.optionalString("tenant");
        Boolean enabled = r.bool("enabled");
        r.allow("version", "$schema");
        EntityTrigger trigger = trigger(r, warnings);
        ConditionParser conditionParser = new ConditionParser(templates, errors, warnings);
        List<Condition> conditions = conditionParser.parseList(r.get("conditions"), "conditions");
        ActionParser actionParser = new ActionParser(templates, customActionTypes, errors, warnings, conditionParser);
        int beforeActions = errors.size();
        List<ActionDefinition> actions = actionParser.parseList(r.get("actions"), "actions");
        WorkflowSettings settings = settings(r);
        // The graph checks need every action and the strategy; errors elsewhere must not hide theirs.
        boolean actionsComplete = errors.size() == beforeActions;
        r.rejectUnknown(TOP_LEVEL);
        if (actionsComplete) {
            DefinitionChecks.checkActions(actions, settings, errors);
        }
        DefinitionChecks.checkConditions(conditions, errors);
        if (!errors.isEmpty()) {
            return new ParseResult(id, null, errors, warnings);
        }
        WorkflowDefinition def = new WorkflowDefinition(id, name == null ? id : name, description, tenant,
                enabled == null || enabled, 1, trigger, conditions, ConditionOrder.cheapestFirst(conditions), actions,
                settings, (Map<String, Object>) Json.toJava(node));
        return new ParseResult(id, def, errors, warnings);
    }

    private static EntityTrigger trigger(ObjectReader r, List<InputError> warnings) {
        String entityType = r.requiredString("entity_type");
        int before = r.errorCount();
        List<String> ops = r.stringList("operations");
        Set<Operation> operations = EnumSet.noneOf(Operation.class);
        if (ops == null) {
            operations = EnumSet.allOf(Operation.class);
            warnings.add(new InputError("operations", "not given, so the workflow triggers on create, update and"
                    + " delete; list only the operations it needs"));
        } else if (ops.isEmpty() && r.errorCount() == before) {
            r.error("operations", "must list at least one of create, update, delete");
        } else {
            for (int i = 0; i < ops.size(); i++) {
                Operation op = Operation.fromJson(ops.get(i));
                if (op == null) {
                    r.error("operations[" + i + "]", "unknown operation '" + ops.get(i) + "'; use create, update or delete");
                } else {
                    operations.add(op);
                }
            }
        }
        List<String> fields = r.stringList("field_triggers");
        if (fields != null && !fields.isEmpty() && !operations.contains(Operation.UPDATE) && ops != null) {
            warnings.add(new InputError("field_triggers", "only filter update events, and this workflow does not"
                    + " trigger on update"));
        }
        if (entityType == null) {
            return null;
        }
        return new EntityTrigger(entityType, operations, fields == null ? List.of() : fields);
    }

    private WorkflowSettings settings(ObjectReader r) {
        JsonNode node = r.get("workflow_settings");
        if (node == null) {
            return WorkflowSettings.DEFAULT;
        }
        if (!node.isObject()) {
            r.error("workflow_settings", "must be an object");
            return WorkflowSettings.DEFAULT;
        }
        ObjectReader s = r.child(node, "workflow_settings");
        String field = s.has("action_execution_strategy") ? "action_execution_strategy" : "execution_strategy";
        String strategy = s.optionalString(field);
        s.allow("action_execution_strategy", "execution_strategy");
        WorkflowSettings.Strategy st = WorkflowSettings.DEFAULT.strategy();
        if ("parallel".equals(strategy)) {
            st = WorkflowSettings.Strategy.PARALLEL;
        } else if ("sequential".equals(strategy)) {
            st = WorkflowSettings.Strategy.SEQUENTIAL;
        } else if (strategy != null) {
            s.error(field, "must be parallel or sequential, not '" + strategy + "'");
        }
        int max = (int) s.integer("max_parallel_actions", 1, 256, WorkflowSettings.DEFAULT.maxParallelActions());
        Integer batchSize = s.has("notification_batch_size")
                ? (int) s.integer("notification_batch_size", 1, 10_000, 1) : null;
        Long maxDelay = s.has("notification_max_delay_ms")
                ? s.integer("notification_max_delay_ms", 0, 86_400_000L, 0) : null;
        s.allow("notification_batch_size", "notification_max_delay_ms");
        TemplateValue secret = null;
        String secretSource = s.optionalString("webhook_signing_secret");
        if (secretSource != null) {
            try {
                secret = templates.compileValue(secretSource, "workflow_settings.webhook_signing_secret");
            } catch (dev.flowline.template.TemplateException e) {
                s.error("webhook_signing_secret", e.getMessage());
            }
        }
        s.rejectUnknown(SETTINGS);
        return new WorkflowSettings(st, max, batchSize, maxDelay, secret);
    }
}
