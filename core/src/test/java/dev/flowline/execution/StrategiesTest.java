package dev.flowline.execution;

import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.event.EntityEvent;
import dev.flowline.event.Operation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.flowline.execution.TestWorkflows.parse;
import static org.assertj.core.api.Assertions.assertThat;

/** The opt-in "Bad" strategies of {@link Engine.Builder}: same results, the slower way. */
class StrategiesTest {

    private final RecordingHandler probe = new RecordingHandler();
    private Engine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private static EntityEvent update(String id, Map<String, Object> previous, Map<String, Object> data) {
        return EntityEvent.builder().entityType("order").entityId(id).operation(Operation.UPDATE)
                .previous(previous).data(data).build();
    }

    private static final List<WorkflowDefinition> WORKFLOWS = List.of(
            parse("""
                    {'id': 'paid', 'entity_type': 'order', 'operations': ['update'], 'field_triggers': ['status'],
                     'conditions': [{'type': 'field', 'field': 'status', 'operator': 'eq', 'value': 'paid'}],
                     'actions': [{'id': 'a', 'type': 'probe'}]}""", "probe"),
            parse("""
                    {'id': 'big', 'entity_type': 'order', 'operations': ['update'],
                     'conditions': [{'type': 'field', 'field': 'total', 'operator': 'gt', 'value': 100}],
                     'actions': [{'id': 'a', 'type': 'probe'}]}""", "probe"),
            parse("""
                    {'id': 'other', 'entity_type': 'customer', 'operations': ['update'],
                     'actions': [{'id': 'a', 'type': 'probe'}]}""", "probe"));

    private List<String> matched(Engine e, EntityEvent event) {
        return e.process(event).stream().map(ExecutionRecord::workflowId).sorted().toList();
    }

    @Test
    void matching_without_the_trigger_index_runs_the_same_workflows() {
        engine = Engine.builder().workflows(WORKFLOWS).actionHandler(probe).build();
        try (Engine scan = Engine.builder().workflows(WORKFLOWS).actionHandler(probe).triggerIndex(false).build()) {
            List<EntityEvent> events = List.of(
                    update("1", Map.of("status", "new", "total", 50), Map.of("status", "paid", "total", 50)),
                    update("2", Map.of("status", "new", "total", 500), Map.of("status", "paid", "total", 500)),
                    update("3", Map.of("note", "a", "status", "paid"), Map.of("note", "b", "status", "paid")),
                    update("4", Map.of("total", 5), Map.of("total", 500)));
            for (EntityEvent e : events) {
                assertThat(matched(scan, e)).as(e.entityId()).isEqualTo(matched(engine, e));
            }
            assertThat(matched(scan, events.get(1))).containsExactly("big", "paid");
        }
    }

    @Test
    void written_order_evaluates_conditions_as_written_and_ordered_puts_field_tests_first() {
        List<WorkflowDefinition> w = List.of(parse("""
                {'id': 'w', 'entity_type': 'order', 'operations': ['update'], 'conditions': [
                  {'type': 'expression', 'expression': 'entity.total > 100'},
                  {'type': 'field', 'field': 'status', 'operator': 'eq', 'value': 'paid'}],
                 'actions': [{'id': 'a', 'type': 'probe'}]}""", "probe"));
        EntityEvent e = update("1", Map.of("status", "new", "total", 500), Map.of("status", "paid", "total", 500));
        engine = Engine.builder().workflows(w).actionHandler(probe).build();
        try (Engine written = Engine.builder().workflows(w).actionHandler(probe).orderedConditions(false).build()) {
            assertThat(engine.process(e).getFirst().conditions()).extracting(c -> c.path())
                    .containsExactly("conditions[1]", "conditions[0]");
            assertThat(written.process(e).getFirst().conditions()).extracting(c -> c.path())
                    .containsExactly("conditions[0]", "conditions[1]");
        }
    }

    @Test
    void without_parallel_actions_independent_actions_run_one_at_a_time() {
        engine = Engine.builder().actionHandler(probe).parallelActions(false).workflows(List.of(parse("""
                {'entity_type': 'order', 'operations': ['update'],
                 'workflow_settings': {'action_execution_strategy': 'parallel', 'max_parallel_actions': 5},
                 'actions': [{'id': 'a', 'type': 'probe', 'sleep_ms': 20}, {'id': 'b', 'type': 'probe', 'sleep_ms': 20},
                             {'id': 'c', 'type': 'probe', 'sleep_ms': 20}]}""", "probe"))).build();
        ExecutionRecord r = engine.process(update("1", Map.of("x", 1), Map.of("x", 2))).getFirst();
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(probe.maxRunning.get()).isEqualTo(1);
        assertThat(probe.log()).containsExactly("start:a", "end:a", "start:b", "end:b", "start:c", "end:c");
    }
}
