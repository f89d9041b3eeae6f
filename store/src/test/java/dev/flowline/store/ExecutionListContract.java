package dev.flowline.store;

import dev.flowline.event.EntityEvent;
import dev.flowline.execution.ExecutionRecord;
import dev.flowline.store.Store.ExecutionQuery;
import dev.flowline.store.Store.Page;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static dev.flowline.store.Fixtures.T0;
import static dev.flowline.store.Fixtures.event;
import static dev.flowline.store.Fixtures.execution;
import static dev.flowline.store.Fixtures.running;
import static dev.flowline.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Listing executions: newest first, filters, limits and cursors. */
interface ExecutionListContract {

    JdbcStore store();

    private static ExecutionQuery byWorkflow(String workflowId, int limit, String cursor) {
        return new ExecutionQuery(workflowId, null, null, null, null, limit, cursor);
    }

    /** Stores executions of one workflow, three per millisecond, so that pages must break ties by id. */
    private List<ExecutionRecord> store(String workflowId, int count, Instant from) {
        List<ExecutionRecord> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ExecutionRecord r = execution(workflowId, unique("ex"), from.plusMillis(i / 3));
            store().finished(r);
            out.add(r);
        }
        return out;
    }

    private static List<String> newestFirst(List<ExecutionRecord> records) {
        return records.stream().sorted(Comparator.comparing(ExecutionRecord::startedAt)
                .thenComparing(ExecutionRecord::executionId).reversed()).map(ExecutionRecord::executionId).toList();
    }

    @Test
    default void pages_follow_each_other_without_duplicates_or_gaps_while_new_executions_arrive() {
        String wf = unique("wf");
        List<ExecutionRecord> existing = store(wf, 25, T0);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<ExecutionRecord> page = store().executions(byWorkflow(wf, 10, cursor));
            page.items().forEach(r -> seen.add(r.executionId()));
            cursor = page.nextCursor();
            pages++;
            store(wf, 4, T0.plusSeconds(pages)); // newer ones keep arriving
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(newestFirst(existing));
        assertThat(pages).isEqualTo(3);
    }

    @Test
    default void a_page_holds_whole_records_and_the_last_page_has_no_cursor() {
        String wf = unique("wf");
        List<ExecutionRecord> all = store(wf, 3, T0);

        Page<ExecutionRecord> page = store().executions(byWorkflow(wf, 3, null));

        assertThat(page.items()).containsExactlyInAnyOrderElementsOf(all);
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    default void the_limit_is_clamped_between_1_and_500() {
        String wf = unique("wf");
        store(wf, 2, T0);

        assertThat(store().executions(byWorkflow(wf, 0, null)).items()).hasSize(1);
        assertThat(store().executions(byWorkflow(wf, 10_000, null)).items()).hasSize(2);
    }

    @Test
    default void filters_select_by_workflow_status_entity_and_start_time() {
        String wf = unique("wf");
        EntityEvent e = event(unique("ev"), unique("order"));
        store().started(e, running(unique("ex"), wf, T0.plusSeconds(10)));
        List<ExecutionRecord> done = store(wf, 2, T0);
        String entity = e.entityId();

        assertThat(ids(new ExecutionQuery(wf, "running", null, null, null, 50, null))).hasSize(1);
        assertThat(ids(new ExecutionQuery(wf, "succeeded", null, null, null, 50, null)))
                .containsExactlyInAnyOrderElementsOf(done.stream().map(ExecutionRecord::executionId).toList());
        assertThat(ids(new ExecutionQuery(wf, "failed", null, null, null, 50, null))).isEmpty();
        assertThat(ids(new ExecutionQuery(null, null, "order", entity, null, 50, null))).hasSize(1);
        assertThat(ids(new ExecutionQuery(wf, null, null, null, T0.plusSeconds(10), 50, null))).hasSize(1);
        assertThat(ids(new ExecutionQuery(wf, null, "ticket", null, null, 50, null))).isEmpty();
    }

    private List<String> ids(ExecutionQuery q) {
        return store().executions(q).items().stream().map(ExecutionRecord::executionId).toList();
    }

    @Test
    default void a_cursor_the_store_did_not_issue_or_an_unknown_status_is_refused_with_a_reason() {
        assertThatThrownBy(() -> store().executions(byWorkflow("wf", 10, "not a cursor!")))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("next_cursor");
        assertThatThrownBy(() -> store().executions(new ExecutionQuery(null, "done", null, null, null, 10, null)))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("running, succeeded or failed");
    }

    @Test
    default void an_unknown_execution_is_absent() {
        assertThat(store().execution(unique("nope"))).isEmpty();
    }
}
