package dev.flowline.store;

import dev.flowline.store.Store.Accepted;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.flowline.store.Fixtures.event;
import static dev.flowline.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent {@code accept} calls share commits, keep their order, and are all answered, even on close. */
interface GroupCommitContract {

    int THREADS = 8;
    int CALLS_PER_THREAD = 50;

    JdbcStore store();

    /** Each of 8 threads fires its calls without waiting (two events each); returns each thread's futures in order. */
    private List<List<CompletableFuture<List<Accepted>>>> fireConcurrently(String prefix) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<CompletableFuture<List<Accepted>>>>> threads = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads.add(pool.submit(() -> {
                    go.await();
                    List<CompletableFuture<List<Accepted>>> calls = new ArrayList<>();
                    for (int i = 0; i < CALLS_PER_THREAD; i++) {
                        String id = prefix + "-" + thread + "-" + i;
                        calls.add(store().accept(List.of(event(id + "-a", "e" + thread), event(id + "-b", "e" + thread))));
                    }
                    return calls;
                }));
            }
            go.countDown();
            List<List<CompletableFuture<List<Accepted>>>> out = new ArrayList<>();
            for (Future<List<CompletableFuture<List<Accepted>>>> f : threads) {
                out.add(f.get(60, TimeUnit.SECONDS));
            }
            return out;
        }
    }

    @Test
    default void concurrent_calls_from_8_threads_get_unique_increasing_seqs_in_fewer_commits_than_calls()
            throws Exception {
        long commitsBefore = store().commitCount();
        List<List<CompletableFuture<List<Accepted>>>> perThread = fireConcurrently(unique("g"));

        HashSet<Long> all = new HashSet<>();
        for (List<CompletableFuture<List<Accepted>>> calls : perThread) {
            List<Long> seqs = new ArrayList<>();
            for (CompletableFuture<List<Accepted>> call : calls) {
                List<Accepted> acks = call.get(60, TimeUnit.SECONDS);
                assertThat(acks).noneMatch(Accepted::duplicate);
                acks.forEach(a -> seqs.add(a.seq()));
            }
            assertThat(seqs).as("one thread's seqs, in call order").isSorted().doesNotHaveDuplicates();
            all.addAll(seqs);
        }
        int calls = THREADS * CALLS_PER_THREAD;
        assertThat(all).hasSize(calls * 2);
        assertThat(store().commitCount() - commitsBefore).isPositive().isLessThan(calls);
    }

    @Test
    default void closing_the_store_answers_every_waiting_call_either_stored_or_failed_as_closed() throws Exception {
        List<List<CompletableFuture<List<Accepted>>>> perThread = fireConcurrently(unique("c"));
        store().close();

        int stored = 0;
        int refused = 0;
        for (List<CompletableFuture<List<Accepted>>> calls : perThread) {
            for (CompletableFuture<List<Accepted>> call : calls) {
                try {
                    assertThat(call.get(60, TimeUnit.SECONDS)).hasSize(2);
                    stored++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(StoreClosedException.class)
                            .hasMessageContaining("store is closed");
                    refused++;
                }
            }
        }
        assertThat(stored + refused).isEqualTo(THREADS * CALLS_PER_THREAD);
        assertThat(store().accept(List.of(event(unique("late"), "1"))))
                .failsWithin(java.time.Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(StoreClosedException.class);
    }
}
