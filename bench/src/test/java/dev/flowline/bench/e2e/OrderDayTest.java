package dev.flowline.bench.e2e;

import dev.flowline.event.EntityEvent;
import dev.flowline.event.Operation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderDayTest {

    private final OrderDay day = new OrderDay("o");

    @Test
    void an_event_id_leads_back_to_its_position_in_the_day() {
        EntityEvent e = day.event(1234, 5);
        assertThat(e.eventId()).isEqualTo("o1234-5");
        assertThat(day.index(e.eventId())).isEqualTo(1234L * OrderDay.EVENTS_PER_ORDER + 5);
        assertThat(day.index("l1234-5")).isEqualTo(-1);
    }

    @Test
    void the_lifecycle_creates_pays_ships_and_delivers_and_the_noise_changes_no_watched_field() {
        assertThat(day.event(7, 0).operation()).isEqualTo(Operation.CREATE);
        assertThat(day.event(7, 1).changedFields()).containsExactly("note");
        assertThat(day.event(7, 2).changedFields()).containsExactlyInAnyOrder("status", "payment_state");
        assertThat(day.event(7, 3).changedFields()).containsExactly("last_viewed");
        assertThat(day.event(7, 4).data()).containsEntry("status", "shipped");
        assertThat(day.event(7, 5).data()).containsEntry("status", "delivered");
    }

    @Test
    void the_same_order_is_the_same_in_every_run() {
        assertThat(day.event(42, 2)).usingRecursiveComparison().ignoringFields("occurredAt")
                .isEqualTo(new OrderDay("o").event(42, 2));
    }
}
