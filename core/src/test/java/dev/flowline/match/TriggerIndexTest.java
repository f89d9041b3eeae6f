package dev.flowline.match;

import dev.flowline.condition.ConditionEvaluator;
import dev.flowline.condition.ConditionOrder;
import dev.flowline.condition.FieldCondition;
import dev.flowline.condition.Operator;
import dev.flowline.definition.DefinitionParser;
import dev.flowline.definition.EntityTrigger;
import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.definition.WorkflowSettings;
import dev.flowline.event.EntityEvent;
import dev.flowline.event.Operation;
import dev.flowline.template.TemplateEngine;
import dev.flowline.value.FieldPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class TriggerIndexTest {

    private static final DefinitionParser PARSER = new DefinitionParser(new TemplateEngine(), Set.of());
    private static final ConditionEvaluator EVALUATOR = new ConditionEvaluator(null);
    private static final Function<WorkflowDefinition, Map<String, Object>> NO_CONTEXT = w -> Map.of();

    // ---- selectivity

    @Test
    void thousands_of_status_eq_workflows_yield_only_those_for_the_event_status() {
        List<WorkflowDefinition> workflows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            workflows.add(workflow("w" + i, """
                    "entity_type": "order", "operations": ["update"],
                    "conditions": [{"type": "field", "field": "status", "operator": "eq", "value": "s%d"}]
                    """.formatted(i % 1_000)));
        }
        TriggerIndex index = TriggerIndex.build(workflows);

        EntityEvent event = update("order", Map.of("status", "s42"), Map.of("status", "s41"));

        assertThat(index.size()).isEqualTo(5_000);
        assertThat(index.candidates(event)).extracting(WorkflowDefinition::id)
                .containsExactlyInAnyOrder("w42", "w1042", "w2042", "w3042", "w4042");
        assertThat(new Matcher(index, EVALUATOR).matching(event, NO_CONTEXT)).hasSize(5);
        assertThat(index.candidates(update("order", Map.of("status", "unknown"), Map.of()))).isEmpty();
    }

    @Test
    void an_in_condition_indexes_the_workflow_under_each_of_its_values() {
        WorkflowDefinition w = workflow("w", """
                "entity_type": "order", "operations": ["create"],
                "conditions": [{"type": "field", "field": "status", "operator": "in", "value": ["paid", "shipped"]}]
                """);
        TriggerIndex index = TriggerIndex.build(List.of(w));

        assertThat(index.candidates(create("order", Map.of("status", "paid")))).containsExactly(w);
        assertThat(index.candidates(create("order", Map.of("status", "shipped")))).containsExactly(w);
        assertThat(index.candidates(create("order", Map.of("status", "new")))).isEmpty();
        assertThat(index.candidates(create("order", Map.of()))).isEmpty();
    }

    @Test
    void an_in_list_holding_one_number_in_two_forms_yields_the_workflow_once() {
        WorkflowDefinition w = workflow("w", """
                "entity_type": "order", "operations": ["create"],
                "conditions": [{"type": "field", "field": "total", "operator": "in", "value": [100, 100.0, "100"]}]
                """);
        TriggerIndex index = TriggerIndex.build(List.of(w));

        assertThat(index.candidates(create("order", Map.of("total", 100L)))).containsExactly(w);
        assertThat(index.candidates(create("order", Map.of("total", "100")))).containsExactly(w);
    }

    @Test
    void numeric_key_100_matches_data_100_point_0_but_not_the_string_100() {
        WorkflowDefinition w = workflow("w", """
                "entity_type": "order", "operations": ["create"],
                "conditions": [{"type": "field", "field": "total", "operator": "eq", "value": 100}]
                """);
        Matcher matcher = new Matcher(TriggerIndex.build(List.of(w)), EVALUATOR);

        assertThat(matcher.matching(create("order", Map.of("total", 100.0)), NO_CONTEXT)).containsExactly(w);
        assertThat(matcher.matching(create("order", Map.of("total", 100)), NO_CONTEXT)).containsExactly(w);
        assertThat(matcher.matching(create("order", Map.of("total", "100")), NO_CONTEXT)).isEmpty();
        assertThat(matcher.matching(create("order", Map.of("total", 100.5)), NO_CONTEXT)).isEmpty();
    }

    @Test
    void an_integral_double_beyond_the_long_range_matches_the_equal_big_integer() {
        // Found by TriggerIndexProperties: JSON 1e19 is a Double, 10000000000000000000 a BigInteger; they are equal.
        WorkflowDefinition w = direct("w", null, Operation.DELETE,
                new FieldCondition("c", FieldPath.of("customer.vip"), Operator.EQ, 1e19, null));
        EntityEvent event = EntityEvent.builder().tenant("t1").entityType("order").entityId("1")
                .operation(Operation.DELETE)
                .previous(Map.of("customer", Map.of("id", 1L, "vip", new BigInteger("10000000000000000000"))))
                .build();

        assertThat(new NaiveMatcher(List.of(w), EVALUATOR).matching(event, NO_CONTEXT)).containsExactly(w);
        assertThat(new Matcher(TriggerIndex.build(List.of(w)), EVALUATOR).matching(event, NO_CONTEXT))
                .containsExactly(w);
    }

    @Test
    void a_big_integer_key_matches_the_equal_integral_double_in_the_data() {
        WorkflowDefinition w = direct("w", null, Operation.CREATE,
                new FieldCondition("c", FieldPath.of("total"), Operator.EQ, new BigInteger("10000000000000000000"), null));
        EntityEvent event = create("order", Map.of("total", 1e19));

        assertThat(new Matcher(TriggerIndex.build(List.of(w)), EVALUATOR).matching(event, NO_CONTEXT))
                .containsExactly(w);
    }

    @Test
    void a_big_decimal_value_matches_the_equal_double_key() {
        // Found by TriggerIndexProperties: templates produce BigDecimal (e.g. update_entity data); 100.5 is exact.
        WorkflowDefinition w = direct("w", null, Operation.CREATE,
                new FieldCondition("c", FieldPath.of("status"), Operator.EQ, 100.5, null));
        EntityEvent event = create("order", Map.of("status", new BigDecimal("100.5")));

        assertThat(new NaiveMatcher(List.of(w), EVALUATOR).matching(event, NO_CONTEXT)).containsExactly(w);
        assertThat(new Matcher(TriggerIndex.build(List.of(w)), EVALUATOR).matching(event, NO_CONTEXT))
                .containsExactly(w);
    }

    @Test
    void a_big_decimal_key_that_no_double_holds_still_matches_only_itself() {
        WorkflowDefinition w = direct("w", null, Operation.CREATE,
                new FieldCondition("c", FieldPath.of("total"), Operator.EQ, new BigDecimal("0.1"), null));
        Matcher matcher = new Matcher(TriggerIndex.build(List.of(w)), EVALUATOR);

        assertThat(matcher.matching(create("order", Map.of("total", new BigDecimal("0.10"))), NO_CONTEXT))
                .containsExactly(w);
        // The double 0.1 is 0.1000000000000000055..., which Values.equal does not call equal to the decimal 0.1.
        assertThat(matcher.matching(create("order", Map.of("total", 0.1)), NO_CONTEXT)).isEmpty();
    }

    @Test
    void a_delete_event_is_indexed_by_the_previous_state() {
        WorkflowDefinition w = workflow("w", """
                "entity_type": "order", "operations": ["delete"],
                "conditions": [{"type": "field", "field": "status", "operator": "eq", "value": "paid"}]
                """);
        TriggerIndex index = TriggerIndex.build(List.of(w));
        EntityEvent delete = EntityEvent.builder().entityType("order").entityId("1").operation(Operation.DELETE)
                .previous(Map.of("status", "paid")).data(Map.of("status", "new")).build();

        assertThat(index.candidates(delete)).containsExactly(w);
    }

    // ---- field triggers

    @Test
    void update_with_a_watched_field_changed_triggers() {
        WorkflowDefinition w = workflow("w", """
                "entity_type": "order", "operations": ["update"], "field_triggers": ["status", "payment_state"]
                """);
        TriggerIndex index = TriggerIndex.build(List.of(w));

        assertThat(index.candidates(update("order", Map.of("status", "paid", "total", 1L),
                Map.of("status", "new", "total", 1L)))).containsExactly(w);
    }

    @Test
    void update_without_a_watched_field_does_not_trigger() {
        WorkflowDefinition w = workflow("w", """
                "entity_type": "order", "operations": ["update"], "field_triggers": ["status", "payment_state"]
                """);
        TriggerIndex index = TriggerIndex.build(List.of(w));

        assertThat(index.candidates(update("order", Map.of("status", "new", "total", 2L),
                Map.of("status", "new", "total", 1L)))).isEmpty();
    }

    @Test
    void explicit_changed_fields_decide_which_field_triggers_fire() {
        WorkflowDefinition w = workflow("w", """
                "entity_type": "order", "operations": ["update"], "field_triggers": ["status"]
                """);
        TriggerIndex index = TriggerIndex.build(List.of(w));
        EntityEvent said = EntityEvent.builder().entityType("order").entityId("1").operation(Operation.UPDATE)
                .data(Map.of("status", "new")).previous(Map.of("status", "new")).changedFields(Set.of("status"))
                .build();
        EntityEvent notSaid = EntityEvent.builder().entityType("order").entityId("1").operation(Operation.UPDATE)
                .data(Map.of("status", "paid")).previous(Map.of("status", "new")).changedFields(Set.of("total"))
                .build();

        assertThat(index.candidates(said)).containsExactly(w);
        assertThat(index.candidates(notSaid)).isEmpty();
    }

    @Test
    void create_and_delete_ignore_field_triggers() {
        WorkflowDefinition w = workflow("w", """
                "entity_type": "order", "operations": ["create", "update", "delete"], "field_triggers": ["status"]
                """);
        TriggerIndex index = TriggerIndex.build(List.of(w));
        EntityEvent delete = EntityEvent.builder().entityType("order").entityId("1").operation(Operation.DELETE)
                .previous(Map.of("total", 1L)).build();

        assertThat(index.candidates(create("order", Map.of("total", 1L)))).containsExactly(w);
        assertThat(index.candidates(delete)).containsExactly(w);
    }

    @Test
    void dotted_field_trigger_fires_when_the_nested_value_changes() {
        WorkflowDefinition w = workflow("w", """
                "entity_type": "order", "operations": ["update"], "field_triggers": ["customer.vip"]
                """);
        TriggerIndex index = TriggerIndex.build(List.of(w));

        EntityEvent vipChanged = update("order",
                Map.of("customer", Map.of("id", 7L, "vip", true)),
                Map.of("customer", Map.of("id", 7L, "vip", false)));
        EntityEvent otherChanged = update("order",
                Map.of("customer", Map.of("id", 8L, "vip", true)),
                Map.of("customer", Map.of("id", 7L, "vip", true)));

        assertThat(index.candidates(vipChanged)).containsExactly(w);
        assertThat(index.candidates(otherChanged)).isEmpty();
    }

    @Test
    void a_workflow_watching_two_fields_that_both_changed_appears_once() {
        WorkflowDefinition w = workflow("w", """
                "entity_type": "order", "operations": ["update"], "field_triggers": ["status", "total", "status"]
                """);
        WorkflowDefinition other = workflow("other", """
                "entity_type": "order", "operations": ["update"], "field_triggers": ["total"]
                """);
        TriggerIndex index = TriggerIndex.build(List.of(w, other));
        EntityEvent event = update("order", Map.of("status", "paid", "total", 2L), Map.of("status", "new", "total", 1L));

        assertThat(index.candidates(event)).containsExactlyInAnyOrder(w, other);
        assertThat(new Matcher(index, EVALUATOR).matching(event, NO_CONTEXT)).containsExactlyInAnyOrder(w, other);
    }

    @Test
    void a_value_indexed_workflow_still_obeys_its_field_triggers() {
        WorkflowDefinition w = workflow("w", """
                "entity_type": "order", "operations": ["update"], "field_triggers": ["status"],
                "conditions": [{"type": "field", "field": "region", "operator": "eq", "value": "EU"}]
                """);
        TriggerIndex index = TriggerIndex.build(List.of(w));

        assertThat(index.candidates(update("order", Map.of("region", "EU", "status", "paid"),
                Map.of("region", "EU", "status", "new")))).containsExactly(w);
        assertThat(index.candidates(update("order", Map.of("region", "EU", "total", 2L),
                Map.of("region", "EU", "total", 1L)))).isEmpty();
    }

    // ---- tenants, enabled, triggers

    @Test
    void a_tenant_workflow_never_sees_another_tenants_events() {
        WorkflowDefinition acme = workflow("acme", """
                "tenant": "acme", "entity_type": "order", "operations": ["create"],
                "conditions": [{"type": "field", "field": "status", "operator": "eq", "value": "paid"}]
                """);
        WorkflowDefinition everyone = workflow("everyone", """
                "entity_type": "order", "operations": ["create"],
                "conditions": [{"type": "field", "field": "status", "operator": "eq", "value": "paid"}]
                """);
        TriggerIndex index = TriggerIndex.build(List.of(acme, everyone));

        EntityEvent forAcme = EntityEvent.builder().tenant("acme").entityType("order").entityId("1")
                .operation(Operation.CREATE).data(Map.of("status", "paid")).build();
        EntityEvent forGlobex = EntityEvent.builder().tenant("globex").entityType("order").entityId("1")
                .operation(Operation.CREATE).data(Map.of("status", "paid")).build();

        assertThat(index.candidates(forAcme)).containsExactlyInAnyOrder(acme, everyone);
        assertThat(index.candidates(forGlobex)).containsExactly(everyone);
    }

    @Test
    void disabled_workflows_never_match() {
        WorkflowDefinition indexed = workflow("indexed", """
                "enabled": false, "entity_type": "order", "operations": ["update"],
                "conditions": [{"type": "field", "field": "status", "operator": "eq", "value": "paid"}]
                """);
        WorkflowDefinition watching = workflow("watching", """
                "enabled": false, "entity_type": "order", "operations": ["update"], "field_triggers": ["status"]
                """);
        WorkflowDefinition plain = workflow("plain", """
                "enabled": false, "entity_type": "order", "operations": ["update"]
                """);
        List<WorkflowDefinition> all = List.of(indexed, watching, plain);
        TriggerIndex index = TriggerIndex.build(all);
        EntityEvent event = update("order", Map.of("status", "paid"), Map.of("status", "new"));

        assertThat(index.size()).isZero();
        assertThat(index.candidates(event)).isEmpty();
        assertThat(new NaiveMatcher(all, EVALUATOR).matching(event, NO_CONTEXT)).isEmpty();
    }

    @Test
    void a_workflow_without_an_entity_trigger_is_never_a_candidate() {
        WorkflowDefinition manual = new WorkflowDefinition("manual", "manual", null, null, true, 1, null, List.of(),
                List.of(), List.of(), WorkflowSettings.DEFAULT, Map.of());
        TriggerIndex index = TriggerIndex.build(List.of(manual));

        assertThat(index.size()).isZero();
        assertThat(index.candidates(create("order", Map.of()))).isEmpty();
    }

    @Test
    void other_entity_types_and_operations_are_not_candidates() {
        WorkflowDefinition w = workflow("w", """
                "entity_type": "order", "operations": ["create"]
                """);
        TriggerIndex index = TriggerIndex.build(List.of(w));

        assertThat(index.candidates(create("ticket", Map.of()))).isEmpty();
        assertThat(index.candidates(update("order", Map.of("a", 1L), Map.of()))).isEmpty();
        assertThat(index.candidates(create("order", Map.of()))).containsExactly(w);
    }

    @Test
    void expression_conditions_are_evaluated_after_the_index_like_the_naive_matcher_does() {
        WorkflowDefinition w = workflow("w", """
                "entity_type": "order", "operations": ["create"],
                "conditions": [
                  {"type": "expression", "expression": "entity.total > 100"},
                  {"type": "field", "field": "status", "operator": "eq", "value": "paid"}]
                """);
        Matcher matcher = new Matcher(TriggerIndex.build(List.of(w)), EVALUATOR);
        NaiveMatcher naive = new NaiveMatcher(List.of(w), EVALUATOR);

        for (Object total : List.of(50L, 150L)) {
            EntityEvent event = create("order", Map.of("status", "paid", "total", total));
            Function<WorkflowDefinition, Map<String, Object>> context = x -> Map.of("entity", event.subject());
            assertThat(matcher.matching(event, context)).isEqualTo(naive.matching(event, context));
        }
        EntityEvent big = create("order", Map.of("status", "paid", "total", 150L));
        assertThat(matcher.matching(big, x -> Map.of("entity", big.subject()))).containsExactly(w);
    }

    // ---- helpers

    private static WorkflowDefinition workflow(String id, String body) {
        String json = "{\"id\": \"" + id + "\", " + body + "}";
        return PARSER.parse(json, false, "id").orThrow();
    }

    private static WorkflowDefinition direct(String id, String tenant, Operation op, FieldCondition condition) {
        List<dev.flowline.condition.Condition> conditions = List.of(condition);
        return new WorkflowDefinition(id, id, null, tenant, true, 1,
                new EntityTrigger("order", Set.of(op), List.of()), conditions, ConditionOrder.cheapestFirst(conditions),
                List.of(), WorkflowSettings.DEFAULT, Map.of());
    }

    private static EntityEvent create(String type, Map<String, Object> data) {
        return EntityEvent.builder().entityType(type).entityId("1").operation(Operation.CREATE).data(data).build();
    }

    private static EntityEvent update(String type, Map<String, Object> data, Map<String, Object> previous) {
        return EntityEvent.builder().entityType(type).entityId("1").operation(Operation.UPDATE)
                .data(data).previous(previous).build();
    }
}
