package dev.flowline.definition.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestTest {

    @Test
    void one_or_two_typos_in_a_long_name_are_forgiven() {
        assertThat(Suggest.closest("startswith", List.of("ends_with", "starts_with"))).isEqualTo("starts_with");
        assertThat(Suggest.closest("max_paralel_action", List.of("max_parallel_actions")))
                .isEqualTo("max_parallel_actions");
    }

    @Test
    void one_typo_in_a_short_name_is_forgiven() {
        assertThat(Suggest.closest("gtee", List.of("gt", "gte", "lte"))).isEqualTo("gte");
    }

    @Test
    void a_short_name_is_not_matched_to_an_unrelated_short_name() {
        assertThat(Suggest.closest("zz", List.of("a", "b"))).isNull();
        assertThat(Suggest.closest("xx", List.of("eq", "ne", "in"))).isNull();
    }

    @Test
    void nothing_close_gives_no_suggestion() {
        assertThat(Suggest.closest("greater_than", List.of("gt", "gte"))).isNull();
    }
}
