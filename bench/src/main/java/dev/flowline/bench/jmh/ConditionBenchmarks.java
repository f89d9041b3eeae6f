package dev.flowline.bench.jmh;

import dev.flowline.condition.ConditionEvaluator;
import dev.flowline.definition.DefinitionParser;
import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.event.EntityEvent;
import dev.flowline.event.Operation;
import dev.flowline.template.TemplateEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Map;
import java.util.Set;

/** JMH: evaluating a workflow's conditions (field tests, a composite, an expression) for one event. */
@State(Scope.Thread)
public class ConditionBenchmarks {

    private ConditionEvaluator evaluator;
    private WorkflowDefinition workflow;
    private EntityEvent event;
    private Map<String, Object> context;

    @Setup
    public void setUp() {
        workflow = new DefinitionParser(new TemplateEngine(), Set.of()).parse("""
                {"id": "w", "entity_type": "order", "operations": ["update"], "field_triggers": ["status"],
                 "conditions": [
                   {"type": "expression", "expression": "entity.total > 100 and entity.country in ['DE','FR']"},
                   {"type": "field", "field": "status", "operator": "changed_to", "value": "paid"},
                   {"type": "any", "conditions": [
                     {"type": "field", "field": "total", "operator": "gte", "value": 100},
                     {"type": "field", "field": "customer.vip", "operator": "eq", "value": true}]}],
                 "actions": [{"id": "a", "type": "set", "values": {"x": 1}}]}""", false, "w").orThrow();
        Map<String, Object> before = Map.of("id", "o-1", "status", "new", "total", 120L, "country", "DE",
                "customer", Map.of("id", "c-1", "vip", false));
        Map<String, Object> after = Map.of("id", "o-1", "status", "paid", "total", 120L, "country", "DE",
                "customer", Map.of("id", "c-1", "vip", false));
        event = EntityEvent.builder().entityType("order").entityId("o-1").operation(Operation.UPDATE)
                .previous(before).data(after).build();
        context = Map.of("entity", after, "previous", before);
        evaluator = new ConditionEvaluator(null);
    }

    /** Flowline's order: field tests first, the expression last. */
    @Benchmark
    public boolean cheapestFirst() {
        return evaluator.allHold(workflow.plan(), event, () -> context);
    }

    /** The order written: the expression first. */
    @Benchmark
    public boolean writtenOrder() {
        return evaluator.allHold(workflow.conditions(), event, () -> context);
    }
}
