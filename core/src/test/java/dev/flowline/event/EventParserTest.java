package dev.flowline.event;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.json.InputError;
import dev.flowline.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EventParserTest {

    private final EventParser parser = new EventParser();

    /** JSON with single quotes for readability. */
    private EntityEvent parse(String json) {
        return parser.parse(json.replace('\'', '"'));
    }

    private List<InputError> errors(String json) {
        EventInvalidException e = catchThrowableOfType(EventInvalidException.class, () -> parse(json));
        assertThat(e).as("parsing %s should fail", json).isNotNull();
        return e.errors();
    }

    private static List<String> paths(List<InputError> errors) {
        return errors.stream().map(InputError::path).toList();
    }

    @Test
    void valid_update_event_is_parsed_with_every_field() {
        EntityEvent e = parse("""
                {'event_id': 'e-1', 'tenant': 'acme', 'entity_type': 'order', 'entity_id': 'o-1',
                 'operation': 'update', 'data': {'status': 'paid', 'total': 100.0, 'customer': {'vip': true}},
                 'previous': {'status': 'new', 'total': 100}, 'occurred_at': '2026-11-26T10:15:30.000Z'}""");

        assertThat(e.eventId()).isEqualTo("e-1");
        assertThat(e.tenant()).isEqualTo("acme");
        assertThat(e.entityType()).isEqualTo("order");
        assertThat(e.entityId()).isEqualTo("o-1");
        assertThat(e.operation()).isEqualTo(Operation.UPDATE);
        assertThat(e.data()).containsEntry("status", "paid").containsEntry("customer", Map.of("vip", true));
        assertThat(e.previous()).containsEntry("total", 100L);
        assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-11-26T10:15:30Z"));
        assertThat(e.changedFields()).containsExactlyInAnyOrder("status", "customer", "customer.vip");
    }

    @Test
    void numeric_entity_id_becomes_a_string() {
        assertThat(parse("{'entity_type': 'order', 'entity_id': 42, 'operation': 'create', 'data': {}}").entityId())
                .isEqualTo("42");
    }

    @Test
    void missing_tenant_defaults_to_default_and_an_event_id_is_generated() {
        EntityEvent e = parse("{'entity_type': 'order', 'entity_id': 'o-1', 'operation': 'create', 'data': {'a': 1}}");
        assertThat(e.tenant()).isEqualTo("default");
        assertThat(e.eventId()).isNotBlank();
        assertThat(e.changedFields()).containsExactly("a");
    }

    @Test
    void delete_needs_no_data() {
        EntityEvent e = parse("{'entity_type': 'order', 'entity_id': 'o-1', 'operation': 'delete', 'previous': {'a': 1}}");
        assertThat(e.operation()).isEqualTo(Operation.DELETE);
        assertThat(e.subject()).containsEntry("a", 1L);
    }

    @Test
    void explicit_changed_fields_are_kept_with_their_parents() {
        EntityEvent e = parse("""
                {'entity_type': 'order', 'entity_id': 'o-1', 'operation': 'update', 'data': {'a': 1},
                 'changed_fields': ['customer.vip']}""");
        assertThat(e.changedFields()).containsExactlyInAnyOrder("customer.vip", "customer");
    }

    @Test
    void missing_entity_type_is_reported_at_its_path() {
        assertThat(errors("{'entity_id': 'o-1', 'operation': 'create', 'data': {}}"))
                .containsExactly(new InputError("entity_type", "is required"));
    }

    @Test
    void missing_entity_id_is_reported_at_its_path() {
        assertThat(paths(errors("{'entity_type': 'order', 'operation': 'create', 'data': {}}")))
                .containsExactly("entity_id");
    }

    @Test
    void entity_id_that_is_neither_string_nor_integer_is_reported() {
        assertThat(paths(errors("{'entity_type': 'order', 'entity_id': 1.5, 'operation': 'create', 'data': {}}")))
                .containsExactly("entity_id");
        assertThat(paths(errors("{'entity_type': 'order', 'entity_id': '', 'operation': 'create', 'data': {}}")))
                .containsExactly("entity_id");
    }

    @Test
    void missing_operation_is_reported_at_its_path() {
        assertThat(errors("{'entity_type': 'order', 'entity_id': 'o-1', 'data': {}}"))
                .containsExactly(new InputError("operation", "is required"));
    }

    @Test
    void unknown_operation_is_reported_with_the_known_ones() {
        List<InputError> errors = errors("{'entity_type': 'order', 'entity_id': 'o-1', 'operation': 'upsert', 'data': {}}");
        assertThat(paths(errors)).containsExactly("operation");
        assertThat(errors.getFirst().message()).contains("'upsert'").contains("create, update or delete");
    }

    @Test
    void data_that_is_not_an_object_is_reported() {
        assertThat(errors("{'entity_type': 'order', 'entity_id': 'o-1', 'operation': 'update', 'data': [1]}"))
                .containsExactly(new InputError("data", "must be a JSON object"));
    }

    @Test
    void previous_that_is_not_an_object_is_reported() {
        assertThat(paths(errors("{'entity_type': 'order', 'entity_id': 'o-1', 'operation': 'update', 'data': {}, 'previous': 'x'}")))
                .containsExactly("previous");
    }

    @Test
    void missing_data_on_update_is_reported() {
        List<InputError> errors = errors("{'entity_type': 'order', 'entity_id': 'o-1', 'operation': 'update'}");
        assertThat(paths(errors)).containsExactly("data");
        assertThat(errors.getFirst().message()).startsWith("is required for update");
    }

    @Test
    void changed_fields_that_is_not_a_list_is_reported() {
        assertThat(errors("{'entity_type': 'order', 'entity_id': 'o-1', 'operation': 'update', 'data': {}, 'changed_fields': 'status'}"))
                .containsExactly(new InputError("changed_fields", "must be a list of field names"));
    }

    @Test
    void changed_fields_item_that_is_not_a_name_is_reported_at_its_index() {
        assertThat(paths(errors("{'entity_type': 'order', 'entity_id': 'o-1', 'operation': 'update', 'data': {}, 'changed_fields': ['a', 3, '']}")))
                .containsExactly("changed_fields[1]", "changed_fields[2]");
    }

    @Test
    void bad_occurred_at_is_reported_with_the_value() {
        List<InputError> errors = errors("{'entity_type': 'order', 'entity_id': 'o-1', 'operation': 'create', 'data': {}, 'occurred_at': 'yesterday'}");
        assertThat(paths(errors)).containsExactly("occurred_at");
        assertThat(errors.getFirst().message()).contains("ISO-8601").contains("'yesterday'");
    }

    @Test
    void unknown_top_level_field_is_reported() {
        List<InputError> errors = errors("{'entity_type': 'order', 'entity_id': 'o-1', 'operation': 'create', 'data': {}, 'colour': 'red'}");
        assertThat(paths(errors)).containsExactly("colour");
        assertThat(errors.getFirst().message()).startsWith("unknown field");
    }

    @Test
    void non_json_text_is_reported_for_the_whole_document() {
        List<InputError> errors = errors("{'entity_type': ");
        assertThat(paths(errors)).containsExactly("");
        assertThat(errors.getFirst().message()).startsWith("not valid JSON");
    }

    @Test
    void text_after_the_event_object_is_not_valid_json() {
        List<InputError> errors = errors("{'entity_type': 'order', 'entity_id': 'o-1', 'operation': 'create', 'data': {}} {'x': 1}");
        assertThat(paths(errors)).containsExactly("");
        assertThat(errors.getFirst().message()).startsWith("not valid JSON");
    }

    @Test
    void empty_text_is_not_an_event() {
        assertThat(paths(errors("  "))).containsExactly("");
    }

    @Test
    void json_that_is_not_an_object_is_reported() {
        assertThat(errors("[1, 2]")).containsExactly(new InputError("", "an event must be a JSON object"));
    }

    @Test
    void every_error_is_reported_at_once() {
        List<InputError> errors = errors("""
                {'entity_id': true, 'operation': 'upsert', 'data': 3, 'changed_fields': {}, 'occurred_at': 'soon',
                 'extra': 1, 'tenant': 5}""");
        assertThat(paths(errors)).containsExactlyInAnyOrder(
                "extra", "tenant", "entity_type", "entity_id", "operation", "data", "changed_fields", "occurred_at");
    }

    @Test
    void the_exception_message_lists_every_error_with_its_path() {
        assertThatThrownBy(() -> parse("{'operation': 'create', 'data': {}}"))
                .isInstanceOf(EventInvalidException.class)
                .hasMessage("invalid event: entity_type: is required; entity_id: is required (a string or an integer)");
    }

    @Test
    void errors_in_a_tree_are_prefixed_with_the_given_path() {
        JsonNode node = Json.MAPPER.valueToTree(Map.of("entity_type", "order", "operation", "create", "data", Map.of()));
        EventInvalidException e = catchThrowableOfType(EventInvalidException.class, () -> parser.parse(node, "[3]"));
        assertThat(paths(e.errors())).containsExactly("[3].entity_id");
    }
}
