package dev.flowline.store;

import dev.flowline.store.Store.StoredWorkflow;
import org.junit.jupiter.api.Test;

import static dev.flowline.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Workflows: versions, enabling, deleting. */
interface WorkflowContract {

    JdbcStore store();

    @Test
    default void a_new_workflow_gets_version_1_and_every_save_increments_the_version() {
        String id = unique("wf");
        StoredWorkflow v1 = store().saveWorkflow(id, "{\"v\":1}");
        StoredWorkflow v2 = store().saveWorkflow(id, "{\"v\":2}");

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(store().workflow(id)).contains(v2);
        assertThat(store().workflowVersion(id, 1)).contains(v1);
        assertThat(store().workflowVersion(id, 3)).isEmpty();
        assertThat(v1.enabled()).isTrue();
    }

    @Test
    default void the_definition_is_kept_exactly_as_saved() {
        String id = unique("wf");
        String json = "{\n  \"id\": \"x\",\n  \"name\": \"Benachrichtigung 📦 — 通知\"\n}";
        store().saveWorkflow(id, json);

        assertThat(store().workflow(id)).get().extracting(StoredWorkflow::definitionJson).isEqualTo(json);
    }

    @Test
    default void workflows_lists_the_current_version_of_each_undeleted_workflow() {
        String a = unique("a");
        String b = unique("b");
        String gone = unique("c");
        store().saveWorkflow(a, "{}");
        StoredWorkflow a2 = store().saveWorkflow(a, "{\"v\":2}");
        StoredWorkflow b1 = store().saveWorkflow(b, "{}");
        store().saveWorkflow(gone, "{}");
        store().deleteWorkflow(gone);

        assertThat(store().workflows()).contains(a2, b1).extracting(StoredWorkflow::id).doesNotContain(gone)
                .doesNotHaveDuplicates();
    }

    @Test
    default void a_deleted_workflow_is_gone_but_its_versions_stay_readable() {
        String id = unique("wf");
        StoredWorkflow v1 = store().saveWorkflow(id, "{\"v\":1}");

        assertThat(store().deleteWorkflow(id)).isTrue();

        assertThat(store().workflow(id)).isEmpty();
        assertThat(store().workflowVersion(id, 1)).contains(v1);
        assertThat(store().deleteWorkflow(id)).as("deleting again").isFalse();
        assertThat(store().setEnabled(id, false)).as("enabling a deleted workflow").isFalse();
    }

    @Test
    default void saving_a_deleted_workflow_again_continues_its_numbering_enabled() {
        String id = unique("wf");
        store().saveWorkflow(id, "{}");
        store().setEnabled(id, false);
        store().deleteWorkflow(id);

        StoredWorkflow again = store().saveWorkflow(id, "{\"back\":true}");

        assertThat(again.version()).isEqualTo(2);
        assertThat(again.enabled()).isTrue();
        assertThat(store().workflow(id)).contains(again);
    }

    @Test
    default void a_disabled_workflow_stays_disabled_through_new_versions() {
        String id = unique("wf");
        store().saveWorkflow(id, "{}");

        assertThat(store().setEnabled(id, false)).isTrue();
        StoredWorkflow v2 = store().saveWorkflow(id, "{\"v\":2}");

        assertThat(v2.enabled()).isFalse();
        assertThat(store().workflow(id)).get().extracting(StoredWorkflow::enabled).isEqualTo(false);
        assertThat(store().workflowVersion(id, 1)).get().extracting(StoredWorkflow::enabled).isEqualTo(false);
        assertThat(store().setEnabled(id, true)).isTrue();
        assertThat(store().workflow(id)).get().extracting(StoredWorkflow::enabled).isEqualTo(true);
    }

    @Test
    default void concurrent_saves_of_one_new_workflow_get_consecutive_versions() throws Exception {
        String id = unique("wf");
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            var saves = java.util.stream.IntStream.range(0, 8)
                    .mapToObj(i -> threads.submit(() -> store().saveWorkflow(id, "{\"i\":" + i + "}"))).toList();
            java.util.List<Integer> versions = new java.util.ArrayList<>();
            for (var s : saves) {
                versions.add(s.get().version());
            }
            assertThat(versions).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        }
        assertThat(store().workflow(id)).get().extracting(StoredWorkflow::version).isEqualTo(8);
    }

    @Test
    default void an_unknown_workflow_is_absent_everywhere() {
        String id = unique("nope");

        assertThat(store().workflow(id)).isEmpty();
        assertThat(store().workflowVersion(id, 1)).isEmpty();
        assertThat(store().setEnabled(id, true)).isFalse();
        assertThat(store().deleteWorkflow(id)).isFalse();
    }
}
