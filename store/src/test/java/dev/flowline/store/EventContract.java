package dev.flowline.store;

import dev.flowline.event.EntityEvent;
import dev.flowline.event.EventInvalidException;
import dev.flowline.store.Store.Accepted;
import dev.flowline.store.Store.StoredEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.flowline.store.Fixtures.event;
import static dev.flowline.store.Fixtures.richEvent;
import static dev.flowline.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Accepting events: order, duplicates, processing state. Group commit under concurrency is in {@link GroupCommitContract}. */
interface EventContract extends GroupCommitContract {

    JdbcStore store();

    private List<Accepted> accept(EntityEvent... events) {
        return store().accept(List.of(events)).orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
    }

    @Test
    default void an_accepted_event_reads_back_equal_with_its_acceptance_time() {
        EntityEvent e = richEvent(unique("ev"));
        Instant before = Instant.now().minusMillis(1);
        Accepted a = accept(e).getFirst();

        StoredEvent stored = store().event(e.eventId()).orElseThrow();
        assertThat(stored.event()).isEqualTo(e);
        assertThat(stored.seq()).isEqualTo(a.seq());
        assertThat(stored.processed()).isFalse();
        assertThat(stored.acceptedAt()).isBetween(before, Instant.now().plusMillis(1));
        assertThat(a).isEqualTo(new Accepted(e.eventId(), a.seq(), false));
    }

    @Test
    default void events_get_increasing_seqs_within_a_call_and_across_calls() {
        List<Accepted> first = accept(event(unique("a"), "1"), event(unique("b"), "1"), event(unique("c"), "2"));
        List<Accepted> second = accept(event(unique("d"), "1"));

        List<Long> seqs = java.util.stream.Stream.concat(first.stream(), second.stream()).map(Accepted::seq).toList();
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
    }

    @Test
    default void an_event_id_accepted_before_is_acknowledged_as_a_duplicate_with_the_original_seq() {
        String id = unique("ev");
        Accepted original = accept(event(id, "1")).getFirst();

        Accepted again = accept(event(id, "changed")).getFirst();

        assertThat(again).isEqualTo(new Accepted(id, original.seq(), true));
        assertThat(store().event(id)).get().extracting(s -> s.event().entityId()).isEqualTo("1");
    }

    @Test
    default void within_one_call_the_first_occurrence_of_an_event_id_wins() {
        String id = unique("ev");
        String other = unique("ev");

        List<Accepted> acks = accept(event(id, "first"), event(other, "x"), event(id, "second"));

        assertThat(acks.get(0).duplicate()).isFalse();
        assertThat(acks.get(1).duplicate()).isFalse();
        assertThat(acks.get(2)).isEqualTo(new Accepted(id, acks.get(0).seq(), true));
        assertThat(store().event(id)).get().extracting(s -> s.event().entityId()).isEqualTo("first");
    }

    @Test
    default void unprocessed_events_come_in_seq_order_after_the_given_seq_until_marked_processed() {
        long countBefore = store().unprocessedCount();
        List<Accepted> acks = accept(event(unique("a"), "1"), event(unique("b"), "1"), event(unique("c"), "1"));
        long firstSeq = acks.getFirst().seq();

        assertThat(store().unprocessedCount()).isEqualTo(countBefore + 3);
        assertThat(store().unprocessedEvents(firstSeq - 1, 10)).extracting(StoredEvent::seq)
                .containsExactly(acks.stream().map(Accepted::seq).toArray(Long[]::new));
        assertThat(store().unprocessedEvents(firstSeq, 1)).extracting(StoredEvent::seq)
                .containsExactly(acks.get(1).seq());

        store().markProcessed(acks.get(1).seq());

        assertThat(store().unprocessedCount()).isEqualTo(countBefore + 2);
        assertThat(store().unprocessedEvents(firstSeq - 1, 10)).extracting(StoredEvent::seq)
                .containsExactly(acks.get(0).seq(), acks.get(2).seq());
        assertThat(store().event(acks.get(1).eventId())).get().extracting(StoredEvent::processed).isEqualTo(true);
    }

    @Test
    default void an_unknown_event_id_is_absent_and_an_empty_call_stores_nothing() {
        assertThat(store().event(unique("nope"))).isEmpty();
        assertThat(store().accept(List.of()).join()).isEmpty();
    }

    @Test
    default void an_event_with_an_overlong_id_fails_its_own_call_and_no_other() {
        String longId = "x".repeat(EventLimits.MAX_ID_LENGTH + 1);
        CompletableFuture<List<Accepted>> bad = store().accept(List.of(event(unique("ok"), "1"), event(longId, "2")));
        CompletableFuture<List<Accepted>> good = store().accept(List.of(event(unique("ok"), "3")));

        assertThatThrownBy(bad::join).hasCauseInstanceOf(EventInvalidException.class)
                .hasMessageContaining("[1].event_id");
        assertThat(good.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join()).hasSize(1);
    }

    @Test
    default void acceptance_times_are_kept_to_the_millisecond() {
        EntityEvent e = event(unique("ev"), "1");
        accept(e);
        Instant at = store().event(e.eventId()).orElseThrow().acceptedAt();

        assertThat(Duration.between(at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), at)).isZero();
    }
}
