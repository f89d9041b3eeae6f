package dev.flowline.store;

import dev.flowline.store.Store.Accepted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.flowline.store.Fixtures.event;
import static dev.flowline.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Group commit, step by step: the writer is held at a gate in the middle of a commit, so each test knows exactly which
 * calls queue up behind it.
 */
class GroupCommitTest {

    private GatedDataSource db;
    private JdbcStore store;

    private void open(StoreOptions options) throws Exception {
        db = new GatedDataSource(unique("group"));
        store = JdbcStore.open(db, new H2Dialect(), options);
    }

    @AfterEach
    void close() throws Exception {
        db.open();
        store.close();
        db.close();
    }

    /** Shuts the gate and sends one call, which the writer takes and then waits with at the gate. */
    private CompletableFuture<List<Accepted>> holdWriter() throws InterruptedException {
        db.shut();
        CompletableFuture<List<Accepted>> first = store.accept(List.of(event(unique("first"), "1")));
        db.awaitHeld();
        return first;
    }

    private CompletableFuture<List<Accepted>> call(int events) {
        List<dev.flowline.event.EntityEvent> batch = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            batch.add(event(unique("e"), "1"));
        }
        return store.accept(batch);
    }

    private static List<Accepted> done(CompletableFuture<List<Accepted>> call) throws Exception {
        return call.get(30, TimeUnit.SECONDS);
    }

    @Test
    void calls_that_queue_during_a_commit_are_all_written_by_the_next_commit_in_arrival_order() throws Exception {
        open(StoreOptions.defaults());
        CompletableFuture<List<Accepted>> first = holdWriter();
        List<CompletableFuture<List<Accepted>>> queued = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            queued.add(call(2));
        }

        db.open();

        List<Long> seqs = new ArrayList<>(done(first).stream().map(Accepted::seq).toList());
        for (CompletableFuture<List<Accepted>> q : queued) {
            done(q).forEach(a -> seqs.add(a.seq()));
        }
        assertThat(seqs).hasSize(21).isSorted().doesNotHaveDuplicates();
        assertThat(store.commitCount()).isEqualTo(2);
    }

    @Test
    void one_commit_takes_at_most_max_batch_events_but_never_splits_a_call() throws Exception {
        open(StoreOptions.builder().maxBatchEvents(3).build());
        CompletableFuture<List<Accepted>> first = holdWriter();
        CompletableFuture<List<Accepted>> two = call(2);
        CompletableFuture<List<Accepted>> twoMore = call(2);
        CompletableFuture<List<Accepted>> one = call(1);
        CompletableFuture<List<Accepted>> five = call(5);

        db.open();

        assertThat(done(first)).hasSize(1);
        assertThat(done(two)).hasSize(2);
        assertThat(done(twoMore)).hasSize(2);
        assertThat(done(one)).hasSize(1);
        assertThat(done(five)).hasSize(5);
        // [first] [two] [twoMore, one] [five]
        assertThat(store.commitCount()).isEqualTo(4);
    }

    @Test
    void a_full_queue_refuses_a_call_at_once_and_the_queued_calls_still_commit() throws Exception {
        open(StoreOptions.builder().queueCapacity(2).build());
        CompletableFuture<List<Accepted>> first = holdWriter();
        CompletableFuture<List<Accepted>> a = call(1);
        CompletableFuture<List<Accepted>> b = call(1);

        CompletableFuture<List<Accepted>> refused = call(1);

        assertThat(refused).isCompletedExceptionally();
        assertThatThrownBy(refused::join).hasCauseInstanceOf(StoreBusyException.class)
                .hasMessageContaining("2 accept calls waiting");
        db.open();
        assertThat(done(first)).hasSize(1);
        assertThat(done(a)).hasSize(1);
        assertThat(done(b)).hasSize(1);
    }

    @Test
    void closing_fails_the_waiting_calls_and_lets_the_commit_in_progress_finish() throws Exception {
        open(StoreOptions.defaults());
        CompletableFuture<List<Accepted>> inProgress = holdWriter();
        CompletableFuture<List<Accepted>> waiting = call(1);
        Thread closer = Thread.ofPlatform().start(store::close);

        assertThatThrownBy(() -> done(waiting)).hasCauseInstanceOf(StoreClosedException.class);
        assertThat(inProgress).isNotDone();
        db.open();
        assertThat(done(inProgress)).hasSize(1);
        closer.join();
        assertThat(store.accept(List.of(event(unique("late"), "1")))).isCompletedExceptionally();
    }

    @Test
    void a_failed_commit_fails_its_calls_and_the_writer_goes_on_with_the_next() throws Exception {
        open(StoreOptions.defaults());
        sql("ALTER TABLE event RENAME TO event_away");

        assertThatThrownBy(() -> done(call(2))).hasCauseInstanceOf(StoreException.class)
                .hasMessageContaining("cannot store 2 accepted events");
        sql("ALTER TABLE event_away RENAME TO event");
        assertThat(done(call(1))).hasSize(1);
    }

    private void sql(String statement) throws Exception {
        try (var c = db.getConnection(); var s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
