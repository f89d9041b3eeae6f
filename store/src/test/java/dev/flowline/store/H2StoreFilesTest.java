package dev.flowline.store;

import dev.flowline.execution.ExecutionRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.flowline.store.Fixtures.T0;
import static dev.flowline.store.Fixtures.event;
import static dev.flowline.store.Fixtures.execution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded H2 store's files and options: what a restart keeps, fsync on commit, option checks. */
class H2StoreFilesTest {

    @TempDir
    Path dataDir;

    @Test
    void everything_stored_is_there_after_closing_and_opening_the_data_directory_again() {
        ExecutionRecord record = execution("wf", "ex-1", T0);
        try (JdbcStore store = JdbcStore.h2(dataDir)) {
            store.saveWorkflow("wf", "{}");
            store.accept(List.of(event("ev-1", "1"))).join();
            store.finished(record);
        }

        try (JdbcStore store = JdbcStore.h2(dataDir)) {
            assertThat(store.workflow("wf")).isPresent();
            assertThat(store.event("ev-1")).isPresent();
            assertThat(store.execution("ex-1")).contains(record);
            assertThat(store.saveWorkflow("wf", "{}").version()).isEqualTo(2);
        }
        assertThat(dataDir.resolve("flowline.mv.db")).exists();
    }

    @Test
    void a_store_that_fsyncs_every_commit_accepts_and_journals_as_usual() {
        StoreOptions fsync = StoreOptions.builder().fsyncOnCommit(true).build();
        ExecutionRecord record = execution("wf", "ex-1", T0);
        try (JdbcStore store = JdbcStore.h2(dataDir, fsync)) {
            assertThat(store.accept(List.of(event("ev-1", "1"), event("ev-2", "1"))).join()).hasSize(2);
            store.finished(record);

            assertThat(store.execution("ex-1")).contains(record);
            assertThat(store.unprocessedCount()).isEqualTo(2);
        }
    }

    @Test
    void options_out_of_range_are_refused_naming_the_setting() {
        assertThatThrownBy(() -> StoreOptions.builder().queueCapacity(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("queueCapacity must be at least 1, was 0");
        assertThatThrownBy(() -> StoreOptions.builder().maxBatchEvents(-1).build())
                .hasMessageContaining("maxBatchEvents");
        assertThatThrownBy(() -> StoreOptions.builder().poolSize(0).build()).hasMessageContaining("poolSize");
    }
}
