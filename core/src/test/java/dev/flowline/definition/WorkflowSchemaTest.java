package dev.flowline.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import dev.flowline.json.InputError;
import dev.flowline.json.Json;
import dev.flowline.template.TemplateEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static dev.flowline.definition.Definitions.NOTIFY;
import static dev.flowline.definition.Definitions.resource;
import static dev.flowline.definition.Definitions.withActions;
import static dev.flowline.definition.Definitions.withConditions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The JSON Schema published at {@code docs/workflow.schema.json} (and on the classpath) agrees with the parser.
 * Every valid definition of the other tests is also checked against it, through {@link Definitions#valid}.
 */
class WorkflowSchemaTest {

    private static final Path DOCS_COPY = Path.of("../docs/workflow.schema.json");
    private static final Path RESOURCE_COPY =
            Path.of("src/main/resources/dev/flowline/definition/workflow.schema.json");

    @Test
    void the_docs_copy_and_the_classpath_copy_are_byte_identical() throws IOException {
        byte[] docs = Files.readAllBytes(DOCS_COPY);

        assertThat(Files.readAllBytes(RESOURCE_COPY))
                .as("edit docs/workflow.schema.json, then copy it to " + RESOURCE_COPY)
                .isEqualTo(docs);
        try (InputStream in = WorkflowSchemaTest.class.getResourceAsStream(WorkflowSchema.RESOURCE)) {
            assertThat(in).isNotNull();
            assertThat(in.readAllBytes()).isEqualTo(docs);
        }
    }

    @Test
    void the_schema_is_a_valid_draft_2020_12_schema() throws IOException {
        String schema = Files.readString(DOCS_COPY);

        assertThat(Json.MAPPER.readTree(schema).get("$schema").asText())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(WorkflowSchema.metaSchema().validate(schema, InputFormat.JSON)).isEmpty();
    }

    @Test
    void the_schema_accepts_the_design_example_in_json_and_yaml() {
        assertThat(WorkflowSchema.problems(resource("design-example.json"), false)).isEmpty();
        assertThat(WorkflowSchema.problems(resource("design-example.yaml"), true)).isEmpty();
    }

    @Test
    void the_parser_and_the_schema_accept_the_quickstart_examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../examples/quickstart/workflows"))) {
            List<Path> examples = files.sorted().toList();
            assertThat(examples).isNotEmpty();
            for (Path file : examples) {
                String text = Files.readString(file);
                if (file.toString().endsWith(".json")) {
                    Definitions.valid(text);
                } else {
                    Definitions.validYaml(text);
                }
            }
        }
    }

    @Test
    void the_schema_rejects_an_unknown_operator_at_the_operator() {
        List<String> problems = WorkflowSchema.problems(withConditions("""
                {"type": "field", "field": "status", "operator": "equals", "value": "paid"}"""), false);

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("/conditions/0/operator"));
    }

    @Test
    void the_schema_rejects_a_definition_without_entity_type() {
        List<String> problems = WorkflowSchema.problems("""
                {"id": "w", "operations": ["update"], "actions": [NOTIFY]}""".replace("NOTIFY", NOTIFY), false);

        assertThat(problems).singleElement().asString().contains("entity_type");
    }

    @Test
    void the_schema_rejects_an_unknown_strategy() {
        List<String> problems = WorkflowSchema.problems("""
                {"entity_type": "order", "workflow_settings": {"action_execution_strategy": "fast"}}""", false);

        assertThat(problems).singleElement().asString().contains("/workflow_settings/action_execution_strategy");
    }

    static Stream<Arguments> structurallyInvalid() {
        return Stream.of(
                arguments("unknown operator", withConditions("""
                        {"field": "status", "operator": "startswith", "value": "x"}""")),
                arguments("missing entity_type", """
                        {"operations": ["update"]}"""),
                arguments("bad strategy", """
                        {"entity_type": "order", "workflow_settings": {"execution_strategy": "fast"}}"""),
                arguments("unknown top-level field", """
                        {"entity_type": "order", "entitytype": "order"}"""),
                arguments("unknown settings field", """
                        {"entity_type": "order", "workflow_settings": {"max_paralel_actions": 2}}"""),
                arguments("enabled not a boolean", """
                        {"entity_type": "order", "enabled": "yes"}"""),
                arguments("workflow id with a space", """
                        {"id": "my workflow", "entity_type": "order"}"""),
                arguments("operations not a list", """
                        {"entity_type": "order", "operations": 5}"""),
                arguments("empty operations", """
                        {"entity_type": "order", "operations": []}"""),
                arguments("unknown operation", """
                        {"entity_type": "order", "operations": ["update", "upsert"]}"""),
                arguments("blank field trigger", """
                        {"entity_type": "order", "field_triggers": " "}"""),
                arguments("max_parallel_actions 0", """
                        {"entity_type": "order", "workflow_settings": {"max_parallel_actions": 0}}"""),
                arguments("max_parallel_actions a string", """
                        {"entity_type": "order", "workflow_settings": {"max_parallel_actions": "5"}}"""),
                arguments("unknown condition type", withConditions("""
                        {"type": "complex_database_query", "sql": "select 1"}""")),
                arguments("condition without type or field", withConditions("""
                        {"operator": "eq", "value": 1}""")),
                arguments("unknown field condition field", withConditions("""
                        {"field": "a", "operator": "eq", "value": 1, "values": [1]}""")),
                arguments("in without a list", withConditions("""
                        {"field": "status", "operator": "in", "value": "paid"}""")),
                arguments("between with one value", withConditions("""
                        {"field": "total", "operator": "between", "value": [1]}""")),
                arguments("between a number and a string", withConditions("""
                        {"field": "total", "operator": "between", "value": [1, "z"]}""")),
                arguments("starts_with a number", withConditions("""
                        {"field": "code", "operator": "starts_with", "value": 4}""")),
                arguments("gt a boolean", withConditions("""
                        {"field": "total", "operator": "gt", "value": true}""")),
                arguments("eq with null", withConditions("""
                        {"field": "status", "operator": "eq", "value": null}""")),
                arguments("eq without value", withConditions("""
                        {"field": "status", "operator": "eq"}""")),
                arguments("exists with a value", withConditions("""
                        {"field": "status", "operator": "exists", "value": true}""")),
                arguments("empty all", withConditions("""
                        {"type": "all", "conditions": []}""")),
                arguments("any without conditions", withConditions("""
                        {"type": "any"}""")),
                arguments("not without condition", withConditions("""
                        {"type": "not"}""")),
                arguments("expression without expression", withConditions("""
                        {"type": "expression"}""")),
                arguments("query with negative cache ttl", withConditions("""
                        {"type": "query", "sql": "select 1", "cache_ttl_seconds": -1}""")),
                arguments("action without id", withActions("""
                        {"type": "notification", "recipients": ["ops"], "body": "hi"}""")),
                arguments("action id with a space", withActions("""
                        {"id": "a b", "type": "notification", "recipients": ["ops"], "body": "hi"}""")),
                arguments("unknown action field", withActions("""
                        {"id": "a", "type": "notification", "recipients": ["ops"], "bdy": "hi"}""")),
                arguments("notification without body", withActions("""
                        {"id": "a", "type": "notification", "recipients": ["ops"]}""")),
                arguments("notification with null recipients", withActions("""
                        {"id": "a", "type": "notification", "recipients": null, "body": "hi"}""")),
                arguments("urgent priority", withActions("""
                        {"id": "a", "type": "notification", "recipients": ["ops"], "body": "hi",
                         "priority": "urgent"}""")),
                arguments("webhook without url", withActions("""
                        {"id": "a", "type": "webhook", "body": {}}""")),
                arguments("webhook method fetch", withActions("""
                        {"id": "a", "type": "webhook", "url": "http://x", "method": "fetch"}""")),
                arguments("webhook headers as a list", withActions("""
                        {"id": "a", "type": "webhook", "url": "http://x", "headers": ["X-A: 1"]}""")),
                arguments("database operation upsert", withActions("""
                        {"id": "a", "type": "database", "operation": "upsert", "sql": "select 1"}""")),
                arguments("database without sql", withActions("""
                        {"id": "a", "type": "database", "operation": "query"}""")),
                arguments("database params as a list", withActions("""
                        {"id": "a", "type": "database", "operation": "query", "sql": "select 1", "params": [1]}""")),
                arguments("set without values", withActions("""
                        {"id": "a", "type": "set"}""")),
                arguments("update_entity with nothing to set", withActions("""
                        {"id": "a", "type": "update_entity", "set": {}}""")),
                arguments("reserved result_variable", withActions("""
                        {"id": "a", "type": "set", "values": {}, "result_variable": "entity"}""")),
                arguments("result_variable that is not a name", withActions("""
                        {"id": "a", "type": "set", "values": {}, "result_variable": "1x"}""")),
                arguments("timeout_ms 0", withActions("""
                        {"id": "a", "type": "set", "values": {}, "timeout_ms": 0}""")),
                arguments("retry max_attempts 0", withActions("""
                        {"id": "a", "type": "set", "values": {}, "retry": {"max_attempts": 0}}""")),
                arguments("retry jitter 2", withActions("""
                        {"id": "a", "type": "set", "values": {}, "retry": {"jitter": 2}}""")),
                arguments("unknown retry field", withActions("""
                        {"id": "a", "type": "set", "values": {}, "retry": {"attempts": 2}}""")),
                arguments("blank dependency", withActions("""
                        {"id": "a", "type": "set", "values": {}, "dependencies": [""]}""")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("structurallyInvalid")
    void the_schema_rejects_what_the_parser_rejects_for_its_shape(String name, String json) {
        assertThat(Definitions.errors(json)).as("parser errors").isNotEmpty();
        assertThat(WorkflowSchema.problems(json, false)).as("schema problems").isNotEmpty();
    }

    @Test
    void the_schema_allows_custom_action_types_with_free_form_fields() {
        DefinitionParser withSlack = new DefinitionParser(new TemplateEngine(), Set.of("slack"));

        Definitions.valid(withSlack, withActions("""
                {"id": "s", "type": "slack", "channel": "#ops", "text": "Order {{ entity.id }}",
                 "blocks": [{"type": "section"}], "timeout_ms": 500, "retry": {"max_attempts": 2}}"""));
    }

    @Test
    void the_schema_still_checks_the_common_fields_of_custom_actions() {
        DefinitionParser withSlack = new DefinitionParser(new TemplateEngine(), Set.of("slack"));
        String json = withActions("""
                {"id": "s", "type": "slack", "channel": "#ops", "timeout_ms": "soon"}""");

        assertThat(withSlack.parse(json, false, "w").errors()).extracting(InputError::path)
                .containsExactly("actions[0].timeout_ms");
        assertThat(WorkflowSchema.problems(json, false)).isNotEmpty();
    }

    @Test
    void the_schema_accepts_integers_written_with_a_zero_fraction_and_so_does_the_parser() {
        WorkflowDefinition def = Definitions.valid("""
                {"entity_type": "order", "workflow_settings": {"max_parallel_actions": 5.0}}""");

        assertThat(def.settings().maxParallelActions()).isEqualTo(5);
    }

    static Stream<Arguments> objectsWithKnownFields() {
        String set = "\"id\": \"a\", \"type\": \"set\", \"values\": {}";
        return Stream.of(
                arguments("/properties", """
                        {"entity_type": "order", "zzz": 1}"""),
                arguments("/properties/workflow_settings/properties", """
                        {"entity_type": "order", "workflow_settings": {"zzz": 1}}"""),
                arguments("/$defs/retry/properties", withActions("{" + set + ", \"retry\": {\"zzz\": 1}}")),
                arguments("/$defs/notification_action/properties", withActions("""
                        {"id": "a", "type": "notification", "recipients": "ops", "body": "hi", "zzz": 1}""")),
                arguments("/$defs/webhook_action/properties", withActions("""
                        {"id": "a", "type": "webhook", "url": "http://x", "zzz": 1}""")),
                arguments("/$defs/database_action/properties", withActions("""
                        {"id": "a", "type": "database", "operation": "execute", "sql": "select 1", "zzz": 1}""")),
                arguments("/$defs/set_action/properties", withActions("{" + set + ", \"zzz\": 1}")),
                arguments("/$defs/update_entity_action/properties", withActions("""
                        {"id": "a", "type": "update_entity", "set": {"x": 1}, "zzz": 1}""")),
                arguments("/$defs/field_condition/properties", withConditions("""
                        {"field": "a", "operator": "exists", "zzz": 1}""")),
                arguments("/$defs/all_condition/properties", withConditions("""
                        {"type": "all", "conditions": [{"field": "a", "operator": "exists"}], "zzz": 1}""")),
                arguments("/$defs/any_condition/properties", withConditions("""
                        {"type": "any", "conditions": [{"field": "a", "operator": "exists"}], "zzz": 1}""")),
                arguments("/$defs/not_condition/properties", withConditions("""
                        {"type": "not", "condition": {"field": "a", "operator": "exists"}, "zzz": 1}""")),
                arguments("/$defs/expression_condition/properties", withConditions("""
                        {"type": "expression", "expression": "true", "zzz": 1}""")),
                arguments("/$defs/query_condition/properties", withConditions("""
                        {"type": "query", "sql": "select 1", "zzz": 1}""")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("objectsWithKnownFields")
    void the_schema_declares_exactly_the_fields_the_parser_knows(String pointer, String json) throws IOException {
        List<InputError> errors = Definitions.errors(json);
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.path()).endsWith("zzz"));
        String message = errors.getFirst().message();
        Set<String> parserFields = new TreeSet<>(Arrays.asList(
                message.substring(message.indexOf("known here: ") + "known here: ".length()).split(", ")));

        JsonNode properties = schema().at(pointer);
        assertThat(properties.isObject()).as(pointer).isTrue();
        Set<String> schemaFields = new TreeSet<>();
        properties.fieldNames().forEachRemaining(schemaFields::add);

        assertThat(schemaFields).isEqualTo(parserFields);
        assertThat(WorkflowSchema.problems(json, false)).as("the schema rejects the unknown field too").isNotEmpty();
    }

    @Test
    void every_property_has_a_description_for_editors() throws IOException {
        JsonNode schema = schema();
        List<String> undescribed = new ArrayList<>();
        collectUndescribed(schema, "", schema, undescribed);

        assertThat(undescribed).isEmpty();
    }

    /** Walks the schema; the if / then / else branches only select and refine, so they are not walked. */
    private static void collectUndescribed(JsonNode node, String pointer, JsonNode root, List<String> out) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                properties.properties().forEach(p -> {
                    if (!described(p.getValue(), root)) {
                        out.add(pointer + "/properties/" + p.getKey());
                    }
                });
            }
            node.properties().forEach(e -> {
                if (!Set.of("if", "then", "else").contains(e.getKey())) {
                    collectUndescribed(e.getValue(), pointer + "/" + e.getKey(), root, out);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectUndescribed(node.get(i), pointer + "/" + i, root, out);
            }
        }
    }

    private static boolean described(JsonNode property, JsonNode root) {
        JsonNode ref = property.get("$ref");
        return property.has("description") || ref != null && root.at(ref.asText().substring(1)).has("description");
    }

    private static JsonNode schema() throws IOException {
        return Json.MAPPER.readTree(Files.readString(DOCS_COPY));
    }
}
