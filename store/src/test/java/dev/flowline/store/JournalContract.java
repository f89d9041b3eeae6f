package dev.flowline.store;

import dev.flowline.event.EntityEvent;
import dev.flowline.execution.ActionRecord;
import dev.flowline.execution.ExecutionRecord;
import dev.flowline.execution.ExecutionStatus;
import dev.flowline.execution.JournaledExecution;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.flowline.store.Fixtures.T0;
import static dev.flowline.store.Fixtures.event;
import static dev.flowline.store.Fixtures.finished;
import static dev.flowline.store.Fixtures.richEvent;
import static dev.flowline.store.Fixtures.running;
import static dev.flowline.store.Fixtures.succeeded;
import static dev.flowline.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** The execution journal: started, action by action, finished, and what a replay reads back. */
interface JournalContract {

    JdbcStore store();

    private static Map<String, Object> nestedOutput() {
        Map<String, Object> deep = new LinkedHashMap<>();
        deep.put("label", "naïve café — 東京 🚚");
        deep.put("none", null);
        deep.put("flags", List.of(true, false));
        return Map.of("rows", List.of(Map.of("sku", "A-1", "qty", 2L), Map.of("sku", "B-2", "qty", 1L)),
                "ratio", 0.25, "big", 12345678901234L, "deep", deep);
    }

    @Test
    default void a_started_execution_is_recorded_as_unfinished_with_its_conditions() {
        EntityEvent e = richEvent(unique("ev"));
        JournaledExecution x = running(unique("ex"), "wf", T0);

        store().started(e, x);

        assertThat(store().recorded(e)).containsExactly(Map.entry("wf", x));
        ExecutionRecord listed = store().execution(x.executionId()).orElseThrow();
        assertThat(listed.status()).isEqualTo(dev.flowline.execution.ExecutionStatus.RUNNING);
        assertThat(listed.toJson()).containsEntry("status", "running").containsEntry("finished_at", null)
                .containsEntry("duration_ms", null);
        assertThat(listed.finishedAt()).isNull();
        assertThat(listed.tenant()).isEqualTo("acme");
        assertThat(listed.conditions()).isEqualTo(x.conditions());
    }

    @Test
    default void finished_actions_are_recorded_as_they_finish_with_unicode_and_nested_outputs() {
        EntityEvent e = event(unique("ev"), "1");
        JournaledExecution x = running(unique("ex"), "wf", T0);
        store().started(e, x);
        ActionRecord fetch = succeeded("fetch", T0.plusMillis(5), nestedOutput());
        ActionRecord text = succeeded("text", T0.plusMillis(6), "plain ✓ text");
        ActionRecord skipped = ActionRecord.skipped("send", "webhook", "skipped: dependency 'fetch' failed — ❌");

        store().actionFinished(x.executionId(), fetch);
        store().actionFinished(x.executionId(), text);
        store().actionFinished(x.executionId(), skipped);

        JournaledExecution recorded = store().recorded(e).get("wf");
        assertThat(recorded.finished()).isFalse();
        assertThat(recorded.actions()).containsOnly(Map.entry("fetch", fetch), Map.entry("text", text),
                Map.entry("send", skipped));
    }

    @Test
    default void a_finished_execution_reads_back_equal_with_its_actions_in_workflow_order() {
        EntityEvent e = richEvent(unique("ev"));
        JournaledExecution x = running(unique("ex"), "wf", T0);
        store().started(e, x);
        List<ActionRecord> actions = List.of(succeeded("c", T0.plusMillis(3), nestedOutput()),
                succeeded("a", T0.plusMillis(2), List.of(1L, "two", 3.5)),
                ActionRecord.skipped("b", "webhook", "skipped"));
        // journaled as they finished, in another order than the workflow's
        store().actionFinished(x.executionId(), actions.get(2));
        store().actionFinished(x.executionId(), actions.get(1));
        ExecutionRecord record = finished(e, x, ExecutionStatus.FAILED, actions);

        store().finished(record);

        assertThat(store().execution(x.executionId())).contains(record);
        assertThat(store().recorded(e).get("wf").finished()).isTrue();
    }

    @Test
    default void actions_journaled_with_their_positions_read_back_in_workflow_order_after_the_end() {
        EntityEvent e = richEvent(unique("ev"));
        JournaledExecution x = running(unique("ex"), "wf", T0);
        store().started(e, x);
        List<ActionRecord> actions = List.of(succeeded("c", T0.plusMillis(3), nestedOutput()),
                succeeded("a", T0.plusMillis(2), List.of(1L, "two", 3.5)),
                ActionRecord.skipped("b", "webhook", "skipped"));
        // every action journaled with its position, in another order than the workflow's: the end writes no action
        store().actionFinished(x.executionId(), 2, actions.get(2));
        store().actionFinished(x.executionId(), 0, actions.get(0));
        store().actionFinished(x.executionId(), 1, actions.get(1));
        ExecutionRecord record = finished(e, x, ExecutionStatus.SUCCEEDED, actions);

        store().finished(record);

        assertThat(store().execution(x.executionId())).contains(record);
    }

    @Test
    default void the_end_records_the_actions_not_journaled_before_it_in_their_places() {
        EntityEvent e = richEvent(unique("ev"));
        JournaledExecution x = running(unique("ex"), "wf", T0);
        store().started(e, x);
        List<ActionRecord> actions = List.of(succeeded("c", T0.plusMillis(3), nestedOutput()),
                succeeded("a", T0.plusMillis(2), List.of(1L, "two", 3.5)),
                ActionRecord.skipped("b", "webhook", "skipped"));
        // the first and the last journaled as they finished, the middle one left to the end (the engine leaves the
        // execution's last action to it)
        store().actionFinished(x.executionId(), 0, actions.get(0));
        store().actionFinished(x.executionId(), 2, actions.get(2));
        assertThat(store().execution(x.executionId()).orElseThrow().actions()).as("while running")
                .extracting(ActionRecord::id).containsExactly("c", "b");
        ExecutionRecord record = finished(e, x, ExecutionStatus.SUCCEEDED, actions);

        store().finished(record);

        assertThat(store().recordsActionsAtEnd()).isTrue();
        assertThat(store().execution(x.executionId())).contains(record);
    }

    @Test
    default void starting_the_same_event_and_workflow_twice_keeps_the_first_execution() {
        EntityEvent e = event(unique("ev"), "1");
        JournaledExecution first = running(unique("ex"), "wf", T0);
        JournaledExecution second = running(unique("ex"), "wf", T0.plusSeconds(1));

        store().started(e, first);
        store().started(e, second);

        assertThat(store().recorded(e)).containsExactly(Map.entry("wf", first));
        assertThat(store().execution(second.executionId())).isEmpty();
    }

    @Test
    default void each_workflow_of_an_event_has_its_own_execution() {
        EntityEvent e = event(unique("ev"), "1");
        JournaledExecution a = running(unique("ex"), "wf-a", T0);
        JournaledExecution b = running(unique("ex"), "wf-b", T0);
        store().started(e, a);
        store().started(e, b);
        store().finished(finished(e, b, ExecutionStatus.SUCCEEDED, List.of()));

        Map<String, JournaledExecution> recorded = store().recorded(e);

        assertThat(recorded).containsOnlyKeys("wf-a", "wf-b");
        assertThat(recorded.get("wf-a").finished()).isFalse();
        assertThat(recorded.get("wf-b").finished()).isTrue();
        assertThat(store().recorded(event(unique("other"), "1"))).isEmpty();
    }

    @Test
    default void a_finished_execution_that_was_never_started_is_recorded_whole() {
        EntityEvent e = event(unique("ev"), "1");
        ExecutionRecord record = finished(e, running(unique("ex"), "wf", T0), ExecutionStatus.SUCCEEDED,
                List.of(succeeded("only", T0, Map.of("ok", true))));

        store().finished(record);

        assertThat(store().execution(record.executionId())).contains(record);
        assertThat(store().recorded(e).get("wf").actions()).containsOnlyKeys("only");
    }

    @Test
    default void times_are_kept_to_the_millisecond() {
        EntityEvent e = event(unique("ev"), "1");
        Instant micros = Instant.parse("2026-03-01T10:00:00.123456Z");
        JournaledExecution x = running(unique("ex"), "wf", micros);

        store().started(e, x);

        assertThat(store().recorded(e).get("wf").startedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123Z"));
    }
}
