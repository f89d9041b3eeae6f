package dev.flowline.definition;

import dev.flowline.action.ActionDefinition;
import dev.flowline.action.DatabaseAction;
import dev.flowline.action.NotificationAction;
import dev.flowline.action.WebhookAction;
import dev.flowline.condition.AnyOf;
import dev.flowline.condition.FieldCondition;
import dev.flowline.condition.Operator;
import dev.flowline.condition.QueryCondition;
import dev.flowline.event.Operation;
import dev.flowline.json.InputError;
import dev.flowline.template.CompiledExpression;
import dev.flowline.template.CompiledTemplate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.flowline.definition.Definitions.NOTIFY;
import static dev.flowline.definition.Definitions.parse;
import static dev.flowline.definition.Definitions.resource;
import static dev.flowline.definition.Definitions.valid;
import static dev.flowline.definition.Definitions.validYaml;
import static org.assertj.core.api.Assertions.assertThat;

/** The definition format of DESIGN.md and the JSON shapes of the guide are accepted as written. */
class DefinitionAcceptanceTest {

    @Test
    void the_design_example_is_valid_and_read_as_written() {
        WorkflowDefinition def = valid(resource("design-example.json"));

        assertThat(def.id()).isEqualTo("order-paid");
        assertThat(def.name()).isEqualTo("Tell the warehouse when an order is paid");
        assertThat(def.trigger()).isEqualTo(new EntityTrigger("order", Set.of(Operation.UPDATE),
                List.of("status", "payment_state")));
        assertThat(def.conditions()).hasSize(3);
        assertThat(def.conditions().get(0)).isInstanceOfSatisfying(FieldCondition.class, c -> {
            assertThat(c.field().path()).isEqualTo("status");
            assertThat(c.operator()).isEqualTo(Operator.EQ);
            assertThat(c.value()).isEqualTo("paid");
        });
        assertThat(def.conditions().get(1)).isInstanceOfSatisfying(AnyOf.class,
                any -> assertThat(any.conditions()).hasSize(2));
        assertThat(def.conditions().get(2)).isInstanceOfSatisfying(QueryCondition.class, q -> {
            assertThat(q.sql().names()).containsExactly("cid");
            assertThat(q.cacheTtl()).isEqualTo(Duration.ofSeconds(60));
        });
        assertThat(def.actions()).extracting(ActionDefinition::id).containsExactly("action1", "action2", "action3");
        assertThat(def.actions().get(0)).isInstanceOfSatisfying(DatabaseAction.class, d -> {
            assertThat(d.operation()).isEqualTo(DatabaseAction.Operation.QUERY);
            assertThat(d.common().resultVariable()).isEqualTo("data");
        });
        assertThat(def.actions().get(1)).isInstanceOfSatisfying(NotificationAction.class, n -> {
            assertThat(n.common().dependencies()).containsExactly("action1");
            assertThat(n.body().rootVariables()).containsExactly("data");
        });
        assertThat(def.actions().get(2)).isInstanceOfSatisfying(WebhookAction.class, w -> {
            assertThat(w.method()).isEqualTo("POST");
            assertThat(w.common().timeout()).isEqualTo(Duration.ofMillis(2000));
            assertThat(w.common().retry().maxAttempts()).isEqualTo(3);
            assertThat(w.common().retry().backoff()).isEqualTo(Duration.ofMillis(200));
        });
        assertThat(def.settings()).isEqualTo(new WorkflowSettings(WorkflowSettings.Strategy.PARALLEL, 5));
    }

    @Test
    void the_design_example_warns_only_that_its_query_feeding_templates_has_no_limit() {
        ParseResult result = parse(resource("design-example.json"));

        assertThat(result.warnings()).extracting(InputError::path).containsExactly("actions[0].sql");
        assertThat(result.warnings().getFirst().message()).contains("no LIMIT");
    }

    @Test
    void the_design_example_in_yaml_parses_to_an_equal_definition() {
        WorkflowDefinition fromJson = valid(resource("design-example.json"));
        WorkflowDefinition fromYaml = validYaml(resource("design-example.yaml"));

        assertThat(fromYaml.source()).isEqualTo(fromJson.source());
        assertThat(fromYaml).usingRecursiveComparison()
                .withEqualsForType((a, b) -> a.source().equals(b.source()), CompiledTemplate.class)
                .withEqualsForType((a, b) -> a.source().equals(b.source()), CompiledExpression.class)
                .withEqualsForType((a, b) -> a.pattern().equals(b.pattern()), Pattern.class)
                .isEqualTo(fromJson);
    }

    @Test
    void the_guides_trigger_shape_is_accepted_verbatim() {
        WorkflowDefinition def = valid("""
                {
                  "entity_type": "order",
                  "operations": ["update"],
                  "field_triggers": ["status", "payment_state"]
                }""");

        assertThat(def.id()).as("the id defaults to the given one").isEqualTo("w");
        assertThat(def.trigger()).isEqualTo(new EntityTrigger("order", Set.of(Operation.UPDATE),
                List.of("status", "payment_state")));
    }

    @Test
    void the_guides_bad_and_good_operations_are_both_accepted() {
        WorkflowDefinition bad = valid("""
                {"entity_type": "order", "operations": ["create", "update", "delete"], "actions": [NOTIFY]}"""
                .replace("NOTIFY", NOTIFY));
        WorkflowDefinition good = valid("""
                {"entity_type": "order", "operations": ["create"], "actions": [NOTIFY]}""".replace("NOTIFY", NOTIFY));

        assertThat(bad.trigger().operations()).containsExactlyInAnyOrder(Operation.values());
        assertThat(good.trigger().operations()).containsExactly(Operation.CREATE);
    }

    @Test
    void the_guides_field_condition_is_accepted_verbatim() {
        WorkflowDefinition def = valid("""
                {
                  "entity_type": "order", "operations": ["update"],
                  "conditions": [
                    { "type": "field", "field": "status", "operator": "eq", "value": "active" }
                  ]
                }""");

        assertThat(def.conditions()).singleElement().isInstanceOfSatisfying(FieldCondition.class,
                c -> assertThat(c.describe()).isEqualTo("status eq \"active\""));
    }

    @Test
    void a_field_condition_may_leave_out_its_type() {
        WorkflowDefinition def = valid(Definitions.withConditions("""
                {"field": "customer.vip", "operator": "eq", "value": true}"""));

        assertThat(def.conditions()).singleElement().isInstanceOf(FieldCondition.class);
    }

    @Test
    void the_guides_workflow_settings_are_accepted_verbatim() {
        WorkflowDefinition def = valid("""
                {
                  "entity_type": "order", "operations": ["update"],
                  "workflow_settings": {
                    "action_execution_strategy": "parallel",
                    "max_parallel_actions": 5
                  }
                }""");

        assertThat(def.settings()).isEqualTo(new WorkflowSettings(WorkflowSettings.Strategy.PARALLEL, 5));
    }

    @Test
    void the_guides_execution_strategy_name_is_accepted_as_an_alias() {
        WorkflowDefinition def = valid("""
                {"entity_type": "order", "operations": ["update"],
                 "workflow_settings": {"execution_strategy": "sequential", "max_parallel_actions": 5}}""");

        assertThat(def.settings().strategy()).isEqualTo(WorkflowSettings.Strategy.SEQUENTIAL);
    }

    @Test
    void the_guides_actions_are_rejected_only_for_the_fields_the_guide_leaves_out() {
        String guide = """
                {
                  "entity_type": "order", "operations": ["update"],
                  "actions": [
                    {
                      "id": "action1",
                      "type": "database",
                      "operation": "query",
                      "result_variable": "data"
                    },
                    {
                      "id": "action2",
                      "type": "notification",
                      "dependencies": ["action1"],
                      "body": "Results: {{data.length}} items found"
                    },
                    {
                      "id": "action3",
                      "type": "webhook",
                      "dependencies": ["action1"],
                      "body": {"result_count": "{{data.length}}"}
                    }
                  ]
                }""";

        assertThat(Definitions.errors(guide)).extracting(InputError::path)
                .containsExactly("actions[0].sql", "actions[1].recipients", "actions[2].url");
        assertThat(Definitions.errors(guide)).extracting(InputError::message).containsOnly("is required");
    }

    @Test
    void the_guides_actions_completed_with_sql_recipients_and_url_are_valid() {
        WorkflowDefinition def = valid("""
                {
                  "entity_type": "order", "operations": ["update"],
                  "actions": [
                    {
                      "id": "action1",
                      "type": "database",
                      "operation": "query",
                      "sql": "select sku from order_lines where order_id = :id limit 100",
                      "params": {"id": "{{ entity.id }}"},
                      "result_variable": "data"
                    },
                    {
                      "id": "action2",
                      "type": "notification",
                      "dependencies": ["action1"],
                      "recipients": ["warehouse"],
                      "body": "Results: {{data.length}} items found"
                    },
                    {
                      "id": "action3",
                      "type": "webhook",
                      "dependencies": ["action1"],
                      "url": "http://127.0.0.1:9000/hook",
                      "body": {"result_count": "{{data.length}}"}
                    }
                  ],
                  "workflow_settings": {"action_execution_strategy": "parallel", "max_parallel_actions": 5}
                }""");

        assertThat(def.actions()).extracting(a -> a.common().dependencies())
                .containsExactly(List.of(), List.of("action1"), List.of("action1"));
        assertThat(def.actions().get(2)).isInstanceOfSatisfying(WebhookAction.class,
                w -> assertThat(w.body().rootVariables()).containsExactly("data"));
    }

    @Test
    void single_strings_are_accepted_where_lists_are_expected() {
        WorkflowDefinition def = valid("""
                {"entity_type": "order", "operations": "update", "field_triggers": "status",
                 "actions": [
                   {"id": "a", "type": "set", "values": {"n": 1}, "result_variable": "counts"},
                   {"id": "b", "type": "notification", "dependencies": "a", "recipients": "ops",
                    "body": "{{ counts.n }}"}]}""");

        assertThat(def.trigger()).isEqualTo(new EntityTrigger("order", Set.of(Operation.UPDATE), List.of("status")));
        assertThat(def.actions().get(1).common().dependencies()).containsExactly("a");
    }

    @Test
    void every_action_type_and_every_field_is_accepted() {
        WorkflowDefinition def = valid(resource("every-field.json"));

        assertThat(def.enabled()).isFalse();
        assertThat(def.tenant()).isEqualTo("acme");
        assertThat(def.description()).isEqualTo("Uses every field the format has");
        assertThat(def.actions()).extracting(ActionDefinition::type)
                .containsExactly("database", "set", "notification", "webhook", "update_entity");
        assertThat(def.actions().get(3).common().retry()).satisfies(r -> {
            assertThat(r.maxAttempts()).isEqualTo(5);
            assertThat(r.maxBackoff()).isEqualTo(Duration.ofSeconds(10));
            assertThat(r.multiplier()).isEqualTo(3.0);
            assertThat(r.jitter()).isEqualTo(0.5);
        });
        assertThat(def.source()).containsEntry("version", 7L);
    }

    @Test
    void every_operator_is_accepted_with_a_value_of_the_right_kind() {
        WorkflowDefinition def = valid(Definitions.withConditions("""
                {"field": "a", "operator": "eq", "value": "x"},
                {"field": "a", "operator": "ne", "value": 1},
                {"field": "a", "operator": "gt", "value": 1},
                {"field": "a", "operator": "gte", "value": 1.5},
                {"field": "a", "operator": "lt", "value": "m"},
                {"field": "a", "operator": "lte", "value": 100},
                {"field": "a", "operator": "in", "value": ["x", "y"]},
                {"field": "a", "operator": "not_in", "value": []},
                {"field": "a", "operator": "contains", "value": "x"},
                {"field": "a", "operator": "starts_with", "value": "x"},
                {"field": "a", "operator": "ends_with", "value": "x"},
                {"field": "a", "operator": "matches", "value": "[A-Z]{2}-\\\\d+"},
                {"field": "a", "operator": "exists"},
                {"field": "a", "operator": "is_null"},
                {"field": "a", "operator": "between", "value": [1, 2.5]},
                {"field": "a", "operator": "between", "value": ["a", "m"]},
                {"field": "a", "operator": "changed"},
                {"field": "a", "operator": "changed_from", "value": "new"},
                {"field": "a", "operator": "changed_to", "value": false},
                {"type": "not", "condition": {"type": "all", "conditions": [
                    {"type": "expression",
                     "expression": "entity.total > 100 and entity.country in ['DE','FR']"}]}}"""));

        assertThat(def.conditions()).hasSize(20);
        assertThat(def.conditions()).filteredOn(FieldCondition.class::isInstance)
                .map(c -> ((FieldCondition) c).operator())
                .containsAll(List.of(Operator.values()));
    }

    @Test
    void the_source_keeps_the_definition_as_plain_values() {
        WorkflowDefinition def = valid(resource("design-example.json"));

        assertThat(def.source()).containsEntry("workflow_settings",
                Map.of("action_execution_strategy", "parallel", "max_parallel_actions", 5L));
    }
}
