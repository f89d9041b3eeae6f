package dev.flowline.event;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How {@link EntityEvent.Builder} fills in changed fields and defaults (via {@link ChangedFields}). */
class EntityEventBuilderTest {

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static EntityEvent.Builder order(Operation op) {
        return EntityEvent.builder().entityType("order").entityId("7").operation(op);
    }

    private static Set<String> changedOnUpdate(Map<String, Object> previous, Map<String, Object> data) {
        return order(Operation.UPDATE).previous(previous).data(data).build().changedFields();
    }

    @Test
    void field_with_a_different_value_is_changed() {
        assertThat(changedOnUpdate(map("status", "new", "total", 5L), map("status", "paid", "total", 5L)))
                .containsExactly("status");
    }

    @Test
    void field_only_in_data_is_changed() {
        assertThat(changedOnUpdate(map("a", 1L), map("a", 1L, "b", 2L))).containsExactly("b");
    }

    @Test
    void field_only_in_previous_is_changed() {
        assertThat(changedOnUpdate(map("a", 1L, "b", 2L), map("a", 1L))).containsExactly("b");
    }

    @Test
    void field_present_as_null_on_one_side_and_absent_on_the_other_is_changed() {
        assertThat(changedOnUpdate(map("a", null), map())).containsExactly("a");
        assertThat(changedOnUpdate(map(), map("a", null))).containsExactly("a");
    }

    @Test
    void field_that_became_null_is_changed() {
        assertThat(changedOnUpdate(map("a", 1L), map("a", null))).containsExactly("a");
    }

    @Test
    void nested_change_reports_the_nested_path_and_its_parent() {
        assertThat(changedOnUpdate(map("customer", map("vip", false, "id", "c1")),
                map("customer", map("vip", true, "id", "c1"))))
                .containsExactlyInAnyOrder("customer.vip", "customer");
    }

    @Test
    void deeply_nested_change_reports_every_parent() {
        assertThat(changedOnUpdate(map("a", map("b", map("c", 1L))), map("a", map("b", map("c", 2L)))))
                .containsExactlyInAnyOrder("a.b.c", "a.b", "a");
    }

    @Test
    void nested_map_without_a_change_is_not_reported() {
        assertThat(changedOnUpdate(map("customer", map("vip", true), "s", "x"), map("customer", map("vip", true), "s", "y")))
                .containsExactly("s");
    }

    @Test
    void nested_field_that_appears_with_its_parent_is_changed() {
        assertThat(changedOnUpdate(map(), map("customer", map("vip", true))))
                .containsExactlyInAnyOrder("customer", "customer.vip");
    }

    @Test
    void nested_field_that_replaces_a_scalar_is_changed() {
        assertThat(changedOnUpdate(map("customer", "c1"), map("customer", map("id", "c1"))))
                .containsExactlyInAnyOrder("customer", "customer.id");
    }

    @Test
    void nested_field_that_disappears_with_its_parent_is_changed() {
        assertThat(changedOnUpdate(map("customer", map("vip", true)), map()))
                .containsExactlyInAnyOrder("customer", "customer.vip");
    }

    @Test
    void equal_numbers_in_different_forms_are_not_a_change() {
        assertThat(changedOnUpdate(
                map("total", 100L, "price", new BigDecimal("9.50"), "qty", 3, "lines", List.of(1L, 2L)),
                map("total", 100.0, "price", 9.5, "qty", 3L, "lines", List.of(1.0, 2L))))
                .isEmpty();
    }

    @Test
    void number_and_its_string_form_are_a_change() {
        assertThat(changedOnUpdate(map("total", 100L), map("total", "100"))).containsExactly("total");
    }

    @Test
    void changed_list_is_reported_as_a_whole() {
        assertThat(changedOnUpdate(map("tags", List.of("a")), map("tags", List.of("a", "b")))).containsExactly("tags");
    }

    @Test
    void create_marks_every_data_field_changed() {
        EntityEvent e = order(Operation.CREATE).data(map("status", "new", "total", 5L, "note", null)).build();
        assertThat(e.changedFields()).containsExactlyInAnyOrder("status", "total", "note");
        assertThat(e.previous()).isEmpty();
    }

    @Test
    void create_marks_nested_data_fields_changed() {
        EntityEvent e = order(Operation.CREATE).data(map("customer", map("vip", true))).build();
        assertThat(e.changedFields()).containsExactlyInAnyOrder("customer", "customer.vip");
    }

    @Test
    void create_ignores_a_previous_state() {
        EntityEvent e = order(Operation.CREATE).previous(map("status", "new")).data(map("status", "new")).build();
        assertThat(e.previous()).isEmpty();
        assertThat(e.changedFields()).containsExactly("status");
    }

    @Test
    void delete_marks_every_previous_field_changed_and_has_no_data() {
        EntityEvent e = order(Operation.DELETE).previous(map("status", "paid", "total", 5L)).build();
        assertThat(e.data()).isEmpty();
        assertThat(e.changedFields()).containsExactlyInAnyOrder("status", "total");
        assertThat(e.subject()).isEqualTo(e.previous());
    }

    @Test
    void explicit_changed_fields_are_kept_and_their_parents_added() {
        EntityEvent e = order(Operation.UPDATE)
                .previous(map("status", "new")).data(map("status", "paid"))
                .changedFields(Set.of("customer.address.city", "note"))
                .build();
        assertThat(e.changedFields())
                .containsExactlyInAnyOrder("customer.address.city", "customer.address", "customer", "note");
    }

    @Test
    void explicit_empty_changed_fields_are_not_derived() {
        EntityEvent e = order(Operation.UPDATE).previous(map("a", 1L)).data(map("a", 2L)).changedFields(Set.of()).build();
        assertThat(e.changedFields()).isEmpty();
    }

    @Test
    void defaults_fill_in_tenant_event_id_and_time() {
        EntityEvent e = order(Operation.CREATE).data(map("a", 1L)).build();
        assertThat(e.tenant()).isEqualTo("default");
        assertThat(e.eventId()).isNotBlank();
        assertThat(e.occurredAt()).isNotNull();
        assertThat(e.causation()).isEmpty();
    }

    @Test
    void generated_event_ids_differ() {
        EntityEvent a = order(Operation.CREATE).build();
        EntityEvent b = order(Operation.CREATE).build();
        assertThat(a.eventId()).isNotEqualTo(b.eventId());
    }

    @Test
    void generated_event_id_is_a_version_7_uuid() {
        java.util.UUID id = java.util.UUID.fromString(EventIds.next());
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void given_values_are_kept() {
        Instant at = Instant.parse("2026-11-26T10:15:30.000Z");
        EntityEvent e = order(Operation.UPDATE).eventId("e-1").tenant("acme").occurredAt(at).build();
        assertThat(e.eventId()).isEqualTo("e-1");
        assertThat(e.tenant()).isEqualTo("acme");
        assertThat(e.occurredAt()).isEqualTo(at);
        assertThat(e.entityKey()).isEqualTo("acme\u0000order\u00007");
    }

    @Test
    void null_data_and_previous_become_empty() {
        EntityEvent e = order(Operation.UPDATE).data(null).previous(null).build();
        assertThat(e.data()).isEmpty();
        assertThat(e.previous()).isEmpty();
        assertThat(e.changedFields()).isEmpty();
    }

    @Test
    void operation_is_required() {
        assertThatThrownBy(() -> EntityEvent.builder().entityType("order").entityId("1").build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("operation");
    }

    @Test
    void with_parents_adds_each_prefix_of_a_dotted_field() {
        assertThat(ChangedFields.withParents(Set.of("a.b.c", "x")))
                .containsExactlyInAnyOrder("a.b.c", "a.b", "a", "x");
    }

    @Test
    void derive_treats_lists_holding_nulls_by_value() {
        assertThat(ChangedFields.derive(map("l", Arrays.asList(1L, null)), map("l", Arrays.asList(1.0, null)))).isEmpty();
    }
}
