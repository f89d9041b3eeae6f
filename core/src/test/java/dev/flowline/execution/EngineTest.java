package dev.flowline.execution;

import dev.flowline.event.EntityEvent;
import dev.flowline.event.Operation;
import dev.flowline.notification.InMemoryNotificationSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static dev.flowline.execution.TestWorkflows.create;
import static dev.flowline.execution.TestWorkflows.parse;
import static dev.flowline.execution.TestWorkflows.update;
import static org.assertj.core.api.Assertions.assertThat;

class EngineTest {

    private final List<ExecutionRecord> finished = Collections.synchronizedList(new ArrayList<>());
    private final RecordingHandler probe = new RecordingHandler();
    private Engine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private Engine.Builder builder() {
        return Engine.builder().actionHandler(probe).executionListener(finished::add);
    }

    @Test
    void a_workflow_that_updates_its_own_entity_is_stopped_with_loop_detected() throws Exception {
        engine = builder().workflows(List.of(parse("""
                {'id': 'bump', 'entity_type': 'counter', 'operations': ['create', 'update'], 'actions': [
                  {'id': 'inc', 'type': 'update_entity', 'set': {'n': '{{ entity.n + 1 }}'}}]}"""))).build();
        engine.submit(create("counter", "c1", Map.of("n", 0L)));
        assertThat(engine.awaitIdle(Duration.ofSeconds(20))).isTrue();
        List<ExecutionRecord> failed = finished.stream().filter(r -> r.status() == ExecutionStatus.FAILED).toList();
        assertThat(failed).hasSize(1);
        assertThat(failed.getFirst().error()).contains("loop detected").contains("bump@counter:c1 -> bump@counter:c1");
        // The first event plus 8 emitted ones ran; the ninth emission was refused.
        assertThat(finished).hasSize(9);
        assertThat(finished.stream().filter(r -> r.status() == ExecutionStatus.SUCCEEDED)).hasSize(8);
    }

    @Test
    void the_loop_guard_limit_is_configurable() throws Exception {
        engine = builder().maxChainDepth(3).workflows(List.of(parse("""
                {'id': 'bump', 'entity_type': 'counter', 'operations': ['create', 'update'], 'actions': [
                  {'id': 'inc', 'type': 'update_entity', 'set': {'n': '{{ entity.n + 1 }}'}}]}"""))).build();
        engine.submit(create("counter", "c1", Map.of("n", 0L)));
        assertThat(engine.awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(finished).hasSize(4);
        assertThat(finished.stream().filter(r -> r.status() == ExecutionStatus.FAILED)).hasSize(1);
    }

    @Test
    void update_entity_emits_an_update_event_that_triggers_other_workflows() throws Exception {
        engine = builder().workflows(List.of(
                parse("""
                        {'id': 'paid', 'entity_type': 'order', 'operations': ['update'], 'field_triggers': ['status'],
                         'conditions': [{'type': 'field', 'field': 'status', 'operator': 'changed_to', 'value': 'paid'}],
                         'actions': [{'id': 'tell', 'type': 'update_entity', 'entity_type': 'customer',
                                      'entity_id': '{{ entity.customer_id }}', 'set': {'last_paid_order': '{{ entity.id }}'}}]}"""),
                parse("""
                        {'id': 'customer-changed', 'entity_type': 'customer', 'operations': ['update'],
                         'field_triggers': ['last_paid_order'],
                         'actions': [{'id': 'see', 'type': 'probe', 'echo': '{{ entity.last_paid_order }}'}]}""", "probe")))
                .build();
        engine.submit(update("order", "o1", Map.of("id", "o1", "status", "new", "customer_id", 7L),
                Map.of("id", "o1", "status", "paid", "customer_id", 7L)));
        assertThat(engine.awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(finished).extracting(ExecutionRecord::workflowId).containsExactlyInAnyOrder("paid", "customer-changed");
        ExecutionRecord paid = finished.stream().filter(r -> r.workflowId().equals("paid")).findFirst().orElseThrow();
        ExecutionRecord customer = finished.stream().filter(r -> r.workflowId().equals("customer-changed")).findFirst().orElseThrow();
        assertThat(customer.entityId()).isEqualTo("7");
        assertThat(customer.eventId()).isEqualTo(paid.executionId() + ":tell");
        assertThat(customer.actions().getFirst().output()).isEqualTo("o1");
    }

    @Test
    void events_of_one_entity_are_processed_in_submission_order() throws Exception {
        engine = builder().workflows(List.of(parse("""
                {'entity_type': 'order', 'operations': ['update'], 'actions': [
                  {'id': 'step', 'type': 'probe', 'echo': '{{ entity.seq }}', 'sleep_ms': 1}]}""", "probe"))).build();
        for (long i = 1; i <= 40; i++) {
            engine.submit(update("order", "same", Map.of("seq", i - 1), Map.of("seq", i)));
        }
        assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
        List<Object> order = finished.stream().map(r -> r.actions().getFirst().output()).toList();
        List<Object> expected = new ArrayList<>();
        for (long i = 1; i <= 40; i++) {
            expected.add(i);
        }
        assertThat(order).isEqualTo(expected);
        assertThat(probe.maxRunning.get()).isEqualTo(1);
    }

    @Test
    void different_entities_are_processed_in_parallel() throws Exception {
        probe.latches.put("two", new CountDownLatch(2));
        engine = builder().workflows(List.of(parse("""
                {'entity_type': 'order', 'operations': ['create'], 'actions': [
                  {'id': 'meet', 'type': 'probe', 'latch': 'two'}]}""", "probe"))).build();
        engine.submit(create("order", "a", Map.of()));
        engine.submit(create("order", "b", Map.of()));
        assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(finished).hasSize(2).allSatisfy(r -> assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED));
    }

    @Test
    void notifications_reach_the_sink_with_rendered_recipients_and_body() {
        InMemoryNotificationSink sink = new InMemoryNotificationSink(10);
        engine = builder().notificationSink(sink).workflows(List.of(parse("""
                {'id': 'hello', 'entity_type': 'order', 'operations': ['create'], 'actions': [
                  {'id': 'n', 'type': 'notification', 'recipients': ['sales', '{{ entity.owner }}'],
                   'title': 'New order', 'body': 'Order {{ entity.id }} for {{ entity.total }}', 'priority': 'high'}]}""")))
                .build();
        ExecutionRecord r = engine.process(create("order", "9", Map.of("id", "9", "owner", "ann", "total", 12.5))).getFirst();
        assertThat(sink.recent()).singleElement().satisfies(n -> {
            assertThat(n.recipients()).containsExactly("sales", "ann");
            assertThat(n.body()).isEqualTo("Order 9 for 12.5");
            assertThat(n.priority()).isEqualTo("high");
            assertThat(n.id()).isEqualTo(r.executionId() + ":n");
        });
        assertThat(r.actions().getFirst().output()).isEqualTo(Map.of("status", "delivered",
                "recipients", List.of("sales", "ann"), "title", "New order", "body", "Order 9 for 12.5",
                "priority", "high"));
    }

    @Test
    void only_workflows_whose_trigger_and_conditions_hold_produce_executions() {
        engine = builder().workflows(List.of(
                parse("""
                        {'id': 'vip', 'entity_type': 'order', 'operations': ['create'],
                         'conditions': [{'type': 'field', 'field': 'customer.vip', 'operator': 'eq', 'value': true}],
                         'actions': [{'id': 'a', 'type': 'probe'}]}""", "probe"),
                parse("""
                        {'id': 'deleted', 'entity_type': 'order', 'operations': ['delete'],
                         'actions': [{'id': 'a', 'type': 'probe'}]}""", "probe")))
                .build();
        assertThat(engine.process(create("order", "1", Map.of("customer", Map.of("vip", false))))).isEmpty();
        assertThat(engine.process(create("order", "2", Map.of("customer", Map.of("vip", true)))))
                .extracting(ExecutionRecord::workflowId).containsExactly("vip");
        EntityEvent delete = EntityEvent.builder().entityType("order").entityId("3").operation(Operation.DELETE)
                .previous(Map.of("customer", Map.of("vip", true))).build();
        assertThat(engine.process(delete)).extracting(ExecutionRecord::workflowId).containsExactly("deleted");
    }

    @Test
    void a_condition_that_cannot_be_evaluated_gives_a_failed_execution_that_says_why() {
        engine = builder().workflows(List.of(parse("""
                {'id': 'q', 'entity_type': 'order', 'operations': ['create'],
                 'conditions': [{'type': 'query', 'sql': 'select 1 from t where id = :id', 'params': {'id': '{{ entity.id }}'}}],
                 'actions': [{'id': 'a', 'type': 'probe'}]}""", "probe"))).build();
        ExecutionRecord r = engine.process(create("order", "1", Map.of("id", "1"))).getFirst();
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).contains("conditions[0]").contains("application database");
        assertThat(r.actions().getFirst().status()).isEqualTo(ActionStatus.SKIPPED);
        assertThat(probe.log()).isEmpty();
    }

    @Test
    void an_execution_records_its_condition_time_and_the_conditions_it_evaluated() {
        engine = builder().workflows(List.of(parse("""
                {'id': 'w', 'entity_type': 'order', 'operations': ['create'],
                 'conditions': [{'type': 'expression', 'expression': 'entity.total > 10'},
                                {'type': 'field', 'field': 'status', 'operator': 'eq', 'value': 'new'}],
                 'actions': [{'id': 'a', 'type': 'probe'}]}""", "probe"))).build();
        ExecutionRecord r = engine.process(create("order", "1", Map.of("total", 11L, "status", "new"))).getFirst();
        assertThat(r.conditions()).extracting(c -> c.path()).containsExactly("conditions[1]", "conditions[0]");
        assertThat(r.conditionTimeUs()).isGreaterThanOrEqualTo(0);
        assertThat(r.conditionTimeUs() * 1000).isGreaterThanOrEqualTo(
                r.conditions().stream().mapToLong(c -> c.timeNanos()).sum() / 1000 * 1000 - 1000);
        assertThat(r.toJson()).containsKeys("execution_id", "workflow_id", "workflow_version", "event_id", "tenant",
                "entity_type", "entity_id", "status", "started_at", "finished_at", "duration_ms", "condition_time_us",
                "error", "actions");
        assertThat((String) r.toJson().get("started_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void counters_tell_how_often_a_trigger_fired_and_the_conditions_rejected_it() {
        engine = builder().workflows(List.of(parse("""
                {'id': 'big', 'entity_type': 'order', 'operations': ['create'],
                 'conditions': [{'type': 'field', 'field': 'total', 'operator': 'gt', 'value': 100}],
                 'actions': [{'id': 'a', 'type': 'probe'}]}""", "probe"))).build();
        engine.process(create("order", "1", Map.of("total", 500L)));
        engine.process(create("order", "2", Map.of("total", 5L)));
        engine.process(create("order", "3", Map.of("total", 7L)));
        engine.process(create("ticket", "4", Map.of("total", 500L)));
        WorkflowCounters c = engine.workflowCounters().get("big");
        assertThat(c.triggered()).isEqualTo(3);
        assertThat(c.passed()).isEqualTo(1);
        assertThat(c.rejected()).isEqualTo(2);
        assertThat(c.passRate()).isEqualTo(1.0 / 3);
    }
}
