package dev.flowline.execution;

import dev.flowline.definition.WorkflowDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static dev.flowline.execution.TestWorkflows.create;
import static dev.flowline.execution.TestWorkflows.parse;
import static org.assertj.core.api.Assertions.assertThat;

class DagExecutionTest {

    private final RecordingHandler probe = new RecordingHandler();
    private Engine engine;

    private ExecutionRecord runOnce(WorkflowDefinition w) {
        engine = Engine.builder().workflows(List.of(w)).actionHandler(probe).build();
        List<ExecutionRecord> records = engine.process(create("order", "1", Map.of("id", "1")));
        assertThat(records).hasSize(1);
        return records.getFirst();
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void independent_actions_run_at_the_same_time() {
        probe.latches.put("all3", new CountDownLatch(3));
        ExecutionRecord r = runOnce(parse("""
                {'entity_type': 'order', 'operations': ['create'], 'actions': [
                  {'id': 'a', 'type': 'probe', 'latch': 'all3'},
                  {'id': 'b', 'type': 'probe', 'latch': 'all3'},
                  {'id': 'c', 'type': 'probe', 'latch': 'all3'}]}""", "probe"));
        // Each action waits until all three have started: only a parallel run can get past the latch.
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(probe.maxRunning.get()).isEqualTo(3);
    }

    @Test
    void dependent_actions_start_only_after_their_dependencies_end() {
        ExecutionRecord r = runOnce(parse("""
                {'entity_type': 'order', 'operations': ['create'], 'actions': [
                  {'id': 'fetch', 'type': 'probe', 'sleep_ms': 50, 'echo': [1, 2, 3], 'result_variable': 'data'},
                  {'id': 'left', 'type': 'probe', 'dependencies': ['fetch'], 'echo': '{{ data.length }}'},
                  {'id': 'right', 'type': 'probe', 'dependencies': ['fetch'], 'echo': 'n={{ data.length }}'},
                  {'id': 'last', 'type': 'probe', 'dependencies': ['left', 'right']}]}""", "probe"));
        List<String> log = probe.log();
        assertThat(log.indexOf("end:fetch")).isLessThan(log.indexOf("start:left")).isLessThan(log.indexOf("start:right"));
        assertThat(log.indexOf("start:last")).isGreaterThan(log.indexOf("end:left")).isGreaterThan(log.indexOf("end:right"));
        assertThat(r.actions().get(1).output()).isEqualTo(3L);
        assertThat(r.actions().get(2).output()).isEqualTo("n=3");
    }

    @Test
    void max_parallel_actions_bounds_how_many_run_at_once() {
        runOnce(parse("""
                {'entity_type': 'order', 'operations': ['create'],
                 'workflow_settings': {'action_execution_strategy': 'parallel', 'max_parallel_actions': 2},
                 'actions': [
                  {'id': 'a', 'type': 'probe', 'sleep_ms': 30}, {'id': 'b', 'type': 'probe', 'sleep_ms': 30},
                  {'id': 'c', 'type': 'probe', 'sleep_ms': 30}, {'id': 'd', 'type': 'probe', 'sleep_ms': 30},
                  {'id': 'e', 'type': 'probe', 'sleep_ms': 30}]}""", "probe"));
        assertThat(probe.maxRunning.get()).isBetween(1, 2);
        assertThat(probe.log()).hasSize(10);
    }

    @Test
    void sequential_strategy_runs_one_action_at_a_time_in_declaration_order() {
        runOnce(parse("""
                {'entity_type': 'order', 'operations': ['create'],
                 'workflow_settings': {'action_execution_strategy': 'sequential'},
                 'actions': [
                  {'id': 'a', 'type': 'probe', 'sleep_ms': 10}, {'id': 'b', 'type': 'probe'},
                  {'id': 'c', 'type': 'probe', 'sleep_ms': 10}]}""", "probe"));
        assertThat(probe.log()).containsExactly("start:a", "end:a", "start:b", "end:b", "start:c", "end:c");
        assertThat(probe.maxRunning.get()).isEqualTo(1);
    }

    @Test
    void a_failed_action_skips_its_dependents_while_independent_branches_finish() {
        ExecutionRecord r = runOnce(parse("""
                {'entity_type': 'order', 'operations': ['create'], 'actions': [
                  {'id': 'broken', 'type': 'probe', 'fail_times': 5, 'retryable': false},
                  {'id': 'child', 'type': 'probe', 'dependencies': ['broken']},
                  {'id': 'grandchild', 'type': 'probe', 'dependencies': ['child']},
                  {'id': 'other', 'type': 'probe', 'sleep_ms': 20}]}""", "probe"));
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).contains("broken").contains("planned failure 1");
        assertThat(r.actions()).extracting(ActionRecord::status).containsExactly(
                ActionStatus.FAILED, ActionStatus.SKIPPED, ActionStatus.SKIPPED, ActionStatus.SUCCEEDED);
        assertThat(r.actions().get(1).error()).contains("dependency 'broken' failed");
        assertThat(r.actions().get(2).error()).contains("dependency 'child' skipped");
        assertThat(probe.log()).doesNotContain("start:child", "start:grandchild");
    }

    @Test
    void a_sequential_workflow_also_skips_dependents_of_a_failure_but_runs_the_rest() {
        ExecutionRecord r = runOnce(parse("""
                {'entity_type': 'order', 'operations': ['create'],
                 'workflow_settings': {'action_execution_strategy': 'sequential'},
                 'actions': [
                  {'id': 'a', 'type': 'probe', 'fail_times': 1, 'retryable': false},
                  {'id': 'b', 'type': 'probe', 'dependencies': ['a']},
                  {'id': 'c', 'type': 'probe'}]}""", "probe"));
        assertThat(r.actions()).extracting(ActionRecord::status)
                .containsExactly(ActionStatus.FAILED, ActionStatus.SKIPPED, ActionStatus.SUCCEEDED);
    }

    @Test
    void a_retryable_failure_is_retried_and_every_attempt_is_recorded() {
        ExecutionRecord r = runOnce(parse("""
                {'entity_type': 'order', 'operations': ['create'], 'actions': [
                  {'id': 'flaky', 'type': 'probe', 'fail_times': 2,
                   'retry': {'max_attempts': 4, 'backoff_ms': 5}}]}""", "probe"));
        ActionRecord a = r.actions().getFirst();
        assertThat(a.status()).isEqualTo(ActionStatus.SUCCEEDED);
        assertThat(a.attempts()).hasSize(3);
        assertThat(a.attempts()).extracting(AttemptRecord::error)
                .containsExactly("planned failure 1", "planned failure 2", null);
        assertThat(a.output()).isEqualTo(Map.of("attempt", 3L, "key", r.executionId() + ":flaky"));
    }

    @Test
    void retries_stop_at_max_attempts_and_the_last_error_is_kept() {
        ExecutionRecord r = runOnce(parse("""
                {'entity_type': 'order', 'operations': ['create'], 'actions': [
                  {'id': 'flaky', 'type': 'probe', 'fail_times': 10, 'retry': {'max_attempts': 3, 'backoff_ms': 1}}]}""",
                "probe"));
        ActionRecord a = r.actions().getFirst();
        assertThat(a.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(a.attempts()).hasSize(3);
        assertThat(a.error()).isEqualTo("planned failure 3");
    }

    @Test
    void a_non_retryable_failure_is_not_retried() {
        ExecutionRecord r = runOnce(parse("""
                {'entity_type': 'order', 'operations': ['create'], 'actions': [
                  {'id': 'bad', 'type': 'probe', 'fail_times': 10, 'retryable': false,
                   'retry': {'max_attempts': 5, 'backoff_ms': 1}}]}""", "probe"));
        assertThat(r.actions().getFirst().attempts()).hasSize(1);
    }

    @Test
    void an_attempt_past_its_timeout_fails_and_its_thread_is_interrupted() throws Exception {
        ExecutionRecord r = runOnce(parse("""
                {'entity_type': 'order', 'operations': ['create'], 'actions': [
                  {'id': 'slow', 'type': 'probe', 'sleep_ms': 30000, 'timeout_ms': 100}]}""", "probe"));
        ActionRecord a = r.actions().getFirst();
        assertThat(a.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(a.error()).isEqualTo("timed out after 100 ms");
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(probe.interrupted.get()).isEqualTo(1));
        assertThat(probe.running.get()).isZero();
    }

    @Test
    void a_timed_out_attempt_is_retried_when_the_policy_allows() {
        ExecutionRecord r = runOnce(parse("""
                {'entity_type': 'order', 'operations': ['create'], 'actions': [
                  {'id': 'slow', 'type': 'probe', 'sleep_ms': 30000, 'timeout_ms': 50,
                   'retry': {'max_attempts': 2, 'backoff_ms': 1}}]}""", "probe"));
        assertThat(r.actions().getFirst().attempts()).hasSize(2)
                .allSatisfy(at -> assertThat(at.error()).startsWith("timed out"));
    }

    @Test
    void set_actions_render_typed_values_for_later_templates() {
        ExecutionRecord r = runOnce(parse("""
                {'entity_type': 'order', 'operations': ['create'], 'actions': [
                  {'id': 'calc', 'type': 'set', 'values': {'double_id': '{{ entity.id ~ entity.id }}', 'n': 3},
                   'result_variable': 'calc'},
                  {'id': 'use', 'type': 'probe', 'dependencies': ['calc'], 'echo': {'n': '{{ calc.n + 1 }}'}}]}""",
                "probe"));
        assertThat(r.actions().get(0).output()).isEqualTo(Map.of("double_id", "11", "n", 3L));
        assertThat(r.actions().get(1).output()).isEqualTo(Map.of("n", 4L));
    }

    @Test
    void a_template_that_fails_at_render_time_fails_the_action_without_retry() {
        ExecutionRecord r = runOnce(parse("""
                {'entity_type': 'order', 'operations': ['create'], 'actions': [
                  {'id': 'a', 'type': 'probe', 'echo': '{{ entity.missing_field }}',
                   'retry': {'max_attempts': 3, 'backoff_ms': 1}}]}""", "probe"));
        ActionRecord a = r.actions().getFirst();
        assertThat(a.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(a.attempts()).hasSize(1);
        assertThat(a.error()).contains("missing_field");
    }
}
