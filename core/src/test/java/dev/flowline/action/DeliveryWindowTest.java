package dev.flowline.action;

import dev.flowline.action.EmailAction.DeliveryWindow;
import dev.flowline.definition.DefinitionParser;
import dev.flowline.definition.ParseResult;
import dev.flowline.json.InputError;
import dev.flowline.template.TemplateEngine;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryWindowTest {

    private static final DeliveryWindow OFFICE =
            new DeliveryWindow(LocalTime.of(8, 0), LocalTime.of(20, 0), ZoneId.of("Europe/Berlin"));
    private static final DeliveryWindow NIGHT = new DeliveryWindow(LocalTime.of(22, 0), LocalTime.of(6, 0), ZoneOffset.UTC);

    @Test
    void a_day_window_includes_its_start_and_excludes_its_end() {
        assertThat(OFFICE.contains(LocalTime.of(8, 0))).isTrue();
        assertThat(OFFICE.contains(LocalTime.of(19, 59))).isTrue();
        assertThat(OFFICE.contains(LocalTime.of(20, 0))).isFalse();
        assertThat(OFFICE.contains(LocalTime.of(7, 59))).isFalse();
    }

    @Test
    void a_window_whose_end_is_before_its_start_spans_midnight() {
        assertThat(NIGHT.contains(LocalTime.of(23, 0))).isTrue();
        assertThat(NIGHT.contains(LocalTime.of(0, 0))).isTrue();
        assertThat(NIGHT.contains(LocalTime.of(5, 59))).isTrue();
        assertThat(NIGHT.contains(LocalTime.of(6, 0))).isFalse();
        assertThat(NIGHT.contains(LocalTime.of(12, 0))).isFalse();
    }

    @Test
    void the_next_opening_is_now_inside_the_window_else_the_next_start_in_its_zone() {
        Instant inside = Instant.parse("2026-07-01T10:00:00Z"); // 12:00 in Berlin (summer time)
        assertThat(OFFICE.nextOpening(inside)).isEqualTo(inside);
        assertThat(OFFICE.nextOpening(Instant.parse("2026-07-01T04:00:00Z"))).isEqualTo("2026-07-01T06:00:00Z");
        assertThat(OFFICE.nextOpening(Instant.parse("2026-07-01T19:00:00Z"))).isEqualTo("2026-07-02T06:00:00Z");
        assertThat(NIGHT.nextOpening(Instant.parse("2026-07-01T06:30:00Z"))).isEqualTo("2026-07-01T22:00:00Z");
        assertThat(NIGHT.nextOpening(Instant.parse("2026-07-01T02:00:00Z"))).isEqualTo("2026-07-01T02:00:00Z");
    }

    @Test
    void a_start_skipped_by_daylight_saving_opens_when_the_clock_has_jumped() {
        DeliveryWindow early = new DeliveryWindow(LocalTime.of(2, 30), LocalTime.of(5, 0), ZoneId.of("Europe/Berlin"));
        // 2026-03-29: Berlin clocks jump from 02:00 to 03:00 (01:00 UTC)
        assertThat(early.nextOpening(Instant.parse("2026-03-28T23:00:00Z"))).isEqualTo("2026-03-29T01:30:00Z");
    }

    @Test
    void a_window_must_not_start_where_it_ends() {
        assertThatThrownBy(() -> new DeliveryWindow(LocalTime.NOON, LocalTime.NOON, ZoneOffset.UTC))
                .hasMessageContaining("different start and end");
    }

    @Test
    void a_definition_whose_window_starts_where_it_ends_is_refused_with_the_path() {
        ParseResult r = new DefinitionParser(new TemplateEngine(), Set.of()).parse("""
                {"id": "w", "entity_type": "order", "operations": ["create"],
                 "actions": [{"id": "m", "type": "email", "to": "a@example.test", "subject": "s", "body": "b",
                              "deliver_between": "09:00-09:00", "time_zone": "Europe/Berlin"}]}""", false, "w.json");

        assertThat(r.errors()).extracting(InputError::path, InputError::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("actions[0].deliver_between", "starts and ends at 09:00; give a "
                        + "window such as \"08:00-20:00\" (an end before the start spans midnight), or leave "
                        + "deliver_between out to send at any time"));
    }
}
