package dev.flowline.execution;

import dev.flowline.event.EntityEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static dev.flowline.execution.TestWorkflows.create;
import static dev.flowline.execution.TestWorkflows.parse;
import static org.assertj.core.api.Assertions.assertThat;

/** After a crash the engine resumes executions from the journal instead of repeating them. */
class ResumeTest {

    private final RecordingHandler probe = new RecordingHandler();
    private final List<ExecutionRecord> finished = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, JournaledExecution> started = new ConcurrentHashMap<>();
    private final List<String> actionsJournaled = Collections.synchronizedList(new ArrayList<>());
    private Map<String, JournaledExecution> prior = Map.of();
    private volatile boolean endRecordsActions;
    private volatile RuntimeException journalFailure;
    private volatile Error journalError;
    private Engine engine;

    private final ExecutionJournal journal = new ExecutionJournal() {
        @Override
        public Map<String, JournaledExecution> recorded(EntityEvent event) {
            return prior;
        }

        @Override
        public void started(EntityEvent event, JournaledExecution execution) {
            started.put(execution.workflowId(), execution);
        }

        @Override
        public void actionFinished(String executionId, ActionRecord record) {
            if (journalFailure != null) {
                throw journalFailure;
            }
            if (journalError != null) {
                throw journalError;
            }
            actionsJournaled.add(executionId + "/" + record.id() + "/" + record.status().jsonName());
        }

        @Override
        public boolean recordsActionsAtEnd() {
            return endRecordsActions;
        }
    };

    @AfterEach
    void close() {
        engine.close();
    }

    private void start() {
        engine = Engine.builder().actionHandler(probe).journal(journal).executionListener(finished::add)
                .workflows(List.of(parse("""
                        {'id': 'w', 'entity_type': 'order', 'operations': ['create'], 'actions': [
                          {'id': 'fetch', 'type': 'probe', 'echo': [1, 2], 'result_variable': 'data'},
                          {'id': 'send', 'type': 'probe', 'dependencies': ['fetch'], 'echo': '{{ data.length }}'},
                          {'id': 'other', 'type': 'probe'}]}""", "probe"))).build();
    }

    private static ActionRecord succeeded(String id, Object output) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new ActionRecord(id, "probe", ActionStatus.SUCCEEDED, List.of(new AttemptRecord(1, t, 1, null)), t, t,
                output, null);
    }

    @Test
    void a_new_execution_is_journaled_before_its_actions_and_each_action_as_it_finishes() throws Exception {
        start();
        engine.submit(create("order", "1", Map.of()), false, () -> { });
        assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
        String id = finished.getFirst().executionId();
        assertThat(started.get("w").executionId()).isEqualTo(id);
        assertThat(actionsJournaled).containsExactlyInAnyOrder(id + "/fetch/succeeded", id + "/send/succeeded",
                id + "/other/succeeded");
    }

    @Test
    void a_journal_that_records_actions_with_the_end_is_not_sent_the_last_action_separately() throws Exception {
        endRecordsActions = true;
        start();
        engine.submit(create("order", "1", Map.of()), false, () -> { });
        assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();

        ExecutionRecord r = finished.getFirst();
        assertThat(r.actions()).extracting(ActionRecord::status).containsOnly(ActionStatus.SUCCEEDED);
        // fetch precedes send, so send or other finishes last; whichever it is, the end's write records it
        assertThat(actionsJournaled).hasSize(2).contains(r.executionId() + "/fetch/succeeded");
    }

    @Test
    void a_failing_journal_write_on_an_action_thread_fails_the_execution_instead_of_hanging_it() throws Exception {
        journalFailure = new IllegalStateException("store is down");
        start();
        engine.submit(create("order", "1", Map.of()), false, () -> { });

        assertThat(engine.awaitIdle(Duration.ofSeconds(10))).as("the engine is idle again").isTrue();
        assertThat(finished).as("no execution is reported finished without its journal").isEmpty();
    }

    @Test
    void an_error_thrown_by_the_journal_on_an_action_thread_does_not_hang_the_execution() throws Exception {
        journalError = new AssertionError("journal broke");
        start();
        engine.submit(create("order", "1", Map.of()), false, () -> { });

        assertThat(engine.awaitIdle(Duration.ofSeconds(10))).as("the engine is idle again").isTrue();
        assertThat(finished).isEmpty();
    }

    @Test
    void an_unfinished_execution_resumes_without_repeating_completed_actions() throws Exception {
        start();
        prior = Map.of("w", new JournaledExecution("exec-1", "w", 1, Instant.parse("2026-01-01T00:00:00Z"), 7,
                List.of(), false, Map.of("fetch", succeeded("fetch", List.of(1L, 2L, 3L)))));
        engine.submit(create("order", "1", Map.of()), true, () -> { });
        assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();

        assertThat(probe.log()).doesNotContain("start:fetch").contains("start:send", "start:other");
        assertThat(started).isEmpty();
        ExecutionRecord r = finished.getFirst();
        assertThat(r.executionId()).isEqualTo("exec-1");
        // The recorded output of the completed action feeds the resumed one.
        assertThat(r.actions().get(1).output()).isEqualTo(3L);
        assertThat(r.actions().get(0).output()).isEqualTo(List.of(1L, 2L, 3L));
        assertThat(actionsJournaled).containsExactlyInAnyOrder("exec-1/send/succeeded", "exec-1/other/succeeded");
    }

    @Test
    void a_retry_reruns_only_the_actions_that_did_not_succeed() throws Exception {
        start();
        JournaledExecution failed = new JournaledExecution("exec-2", "w", 1, Instant.now(), 3, List.of(), false,
                Map.of("fetch", succeeded("fetch", List.of(1L))));
        engine.retry(create("order", "1", Map.of()), failed, () -> { });
        assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(probe.log()).doesNotContain("start:fetch").contains("start:send", "start:other");
        assertThat(finished.getFirst().executionId()).isEqualTo("exec-2");
        assertThat(finished.getFirst().actions().get(1).output()).isEqualTo(1L);
    }

    @Test
    void a_finished_execution_is_not_run_again_when_its_event_is_replayed() throws Exception {
        start();
        prior = Map.of("w", new JournaledExecution("exec-1", "w", 1, Instant.now(), 7, List.of(), true, Map.of()));
        engine.submit(create("order", "1", Map.of()), true, () -> { });
        assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(probe.log()).isEmpty();
        assertThat(finished).isEmpty();
    }
}
