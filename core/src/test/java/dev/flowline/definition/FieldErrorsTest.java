package dev.flowline.definition;

import dev.flowline.json.InputError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static dev.flowline.definition.Definitions.NOTIFY;
import static dev.flowline.definition.Definitions.errors;
import static dev.flowline.definition.Definitions.onlyError;
import static dev.flowline.definition.Definitions.withActions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Unknown fields, values of the wrong type or range, and reporting every error of a definition at once. */
class FieldErrorsTest {

    @Test
    void an_unknown_top_level_field_is_reported_with_the_closest_name_and_the_known_fields() {
        InputError e = onlyError("""
                {"entity_type": "order", "operations": ["update"], "feild_triggers": ["status"]}""");

        assertThat(e.path()).isEqualTo("feild_triggers");
        assertThat(e.message()).isEqualTo("unknown field 'feild_triggers'; did you mean 'field_triggers'?"
                + " Fields known here: $schema, actions, conditions, description, enabled, entity_type,"
                + " field_triggers, id, name, operations, tenant, version, workflow_settings");
    }

    @Test
    void an_unknown_field_like_no_other_says_to_remove_it() {
        InputError e = onlyError("""
                {"entity_type": "order", "operations": ["update"], "workflow_settings": {"strategy": "parallel"}}""");

        assertThat(e.path()).isEqualTo("workflow_settings.strategy");
        assertThat(e.message()).isEqualTo("unknown field 'strategy'; remove it or use one of the fields known here:"
                + " action_execution_strategy, execution_strategy, max_parallel_actions, notification_batch_size,"
                + " notification_max_delay_ms, webhook_signing_secret");
    }

    @Test
    void an_unknown_settings_field_gets_a_suggestion() {
        InputError e = onlyError("""
                {"entity_type": "order", "operations": ["update"], "workflow_settings": {"max_paralel_actions": 2}}""");

        assertThat(e.path()).isEqualTo("workflow_settings.max_paralel_actions");
        assertThat(e.message()).startsWith("unknown field 'max_paralel_actions'; did you mean 'max_parallel_actions'?");
    }

    @Test
    void an_unknown_action_field_is_reported_at_the_action() {
        InputError e = onlyError(withActions("""
                {"id": "a", "type": "webhook", "url": "http://127.0.0.1:9/x", "boddy": {}}"""));

        assertThat(e.path()).isEqualTo("actions[0].boddy");
        assertThat(e.message()).startsWith("unknown field 'boddy'; did you mean 'body'?");
    }

    @Test
    void operations_that_are_not_a_list_give_one_error_that_shows_the_value() {
        InputError e = onlyError("""
                {"entity_type": "order", "operations": 5}""");

        assertThat(e.path()).isEqualTo("operations");
        assertThat(e.message()).isEqualTo("must be a list of strings, not 5");
    }

    @Test
    void an_empty_operations_list_says_what_to_list() {
        InputError e = onlyError("""
                {"entity_type": "order", "operations": []}""");

        assertThat(e.path()).isEqualTo("operations");
        assertThat(e.message()).isEqualTo("must list at least one of create, update, delete");
    }

    @Test
    void an_unknown_operation_is_reported_at_its_place_in_the_list() {
        InputError e = onlyError("""
                {"entity_type": "order", "operations": ["update", "upsert"]}""");

        assertThat(e.path()).isEqualTo("operations[1]");
        assertThat(e.message()).isEqualTo("unknown operation 'upsert'; use create, update or delete");
    }

    @Test
    void a_blank_single_string_is_not_accepted_as_a_list_of_one() {
        InputError e = onlyError("""
                {"entity_type": "order", "operations": ["update"], "field_triggers": " "}""");

        assertThat(e.path()).isEqualTo("field_triggers");
        assertThat(e.message()).isEqualTo("must be a non-empty string, not \" \"");
    }

    @Test
    void max_parallel_actions_zero_is_reported_with_the_range_and_the_value() {
        InputError e = onlyError("""
                {"entity_type": "order", "operations": ["update"],
                 "workflow_settings": {"max_parallel_actions": 0}}""");

        assertThat(e.path()).isEqualTo("workflow_settings.max_parallel_actions");
        assertThat(e.message()).isEqualTo("must be a whole number from 1 to 256, not 0");
    }

    @Test
    void an_unknown_strategy_names_the_two_strategies() {
        InputError e = onlyError("""
                {"entity_type": "order", "operations": ["update"],
                 "workflow_settings": {"execution_strategy": "fast"}}""");

        assertThat(e.path()).isEqualTo("workflow_settings.execution_strategy");
        assertThat(e.message()).isEqualTo("must be parallel or sequential, not 'fast'");
    }

    @Test
    void a_missing_entity_type_is_required() {
        InputError e = onlyError("""
                {"operations": ["update"]}""");

        assertThat(e.path()).isEqualTo("entity_type");
        assertThat(e.message()).isEqualTo("is required");
    }

    @Test
    void an_id_of_the_wrong_type_is_reported_once() {
        InputError e = onlyError("""
                {"id": 42, "entity_type": "order", "operations": ["update"]}""");

        assertThat(e.path()).isEqualTo("id");
        assertThat(e.message()).isEqualTo("must be a non-empty string, not 42");
    }

    @Test
    void a_definition_must_be_an_object() {
        InputError e = onlyError("""
                ["order"]""");

        assertThat(e.path()).isEmpty();
        assertThat(e.message()).isEqualTo("a workflow definition must be an object");
    }

    static Stream<Arguments> wrongValues() {
        String set = "\"id\": \"a\", \"type\": \"set\", \"values\": {}";
        return Stream.of(
                arguments("enabled", """
                        {"entity_type": "order", "enabled": "yes"}""", "must be true or false, not \"yes\""),
                arguments("id", """
                        {"id": "my workflow", "entity_type": "order"}""", "must start with a letter or digit"),
                arguments("actions[0].id", withActions("""
                        {"id": "a b", "type": "set", "values": {}}"""), "not 'a b'"),
                arguments("actions[0].timeout_ms", withActions("{" + set + ", \"timeout_ms\": \"2s\"}"),
                        "must be a whole number from 1 to 3600000, not \"2s\""),
                arguments("actions[0].retry.jitter", withActions("{" + set + ", \"retry\": {\"jitter\": 2}}"),
                        "must be a number from 0.0 to 1.0, not 2"),
                arguments("actions[0].dependencies[0]", withActions("{" + set + ", \"dependencies\": [7]}"),
                        "must be a non-empty string, not 7"),
                arguments("actions[0].priority", withActions("""
                        {"id": "a", "type": "notification", "recipients": "x", "body": "x", "priority": "urgent"}"""),
                        "must be high or normal, not 'urgent'"),
                arguments("actions[0].method", withActions("""
                        {"id": "a", "type": "webhook", "url": "x", "method": "fetch"}"""),
                        "must be one of DELETE, GET, HEAD, PATCH, POST, PUT, not 'fetch'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongValues")
    void messages_about_a_wrong_value_show_the_value(String path, String json, String expected) {
        InputError e = onlyError(json);

        assertThat(e.path()).isEqualTo(path);
        assertThat(e.message()).contains(expected);
    }

    @Test
    void every_error_of_a_definition_is_reported_at_once() {
        List<InputError> errors = errors("""
                {"id": "w", "entity_type": "order", "operations": ["update", "upsert"], "tenat": "acme",
                 "conditions": [
                   {"field": "status", "operator": "equals", "value": "paid"},
                   {"field": "status", "operator": "in", "value": "paid"}],
                 "actions": [
                   {"id": "a", "type": "notifcation", "recipients": ["ops"], "body": "hi"},
                   {"id": "b", "type": "webhook", "url": "http://127.0.0.1:9/x", "retry": {"max_attempts": 0}},
                   {"id": "c", "type": "notification", "recipients": ["ops"], "body": "{{ oops"}],
                 "workflow_settings": {"max_parallel_actions": 0}}""");

        assertThat(errors).extracting(InputError::path).containsExactly(
                "operations[1]",
                "conditions[0].operator",
                "conditions[1].value",
                "actions[0].type",
                "actions[1].retry.max_attempts",
                "actions[2].body",
                "workflow_settings.max_parallel_actions",
                "tenat");
    }

    @Test
    void errors_outside_the_actions_do_not_hide_dependency_errors_nor_an_unknown_dependency_a_cycle() {
        List<InputError> errors = errors("""
                {"entity_type": "order", "operations": ["update"], "nam": "typo",
                 "conditions": [{"field": "status", "operator": "equals", "value": "paid"},
                                {"type": "expression", "expression": "data.length > 0"}],
                 "actions": [
                   {"id": "a", "type": "set", "values": {"n": 1}, "dependencies": ["b"]},
                   {"id": "b", "type": "set", "values": {"n": 1}, "dependencies": ["a"]},
                   {"id": "c", "type": "set", "values": {"n": 1}, "dependencies": ["nope"]}]}""");

        assertThat(errors).extracting(InputError::path).containsExactly(
                "conditions[0].operator", "nam", "actions[2].dependencies[0]", "actions[0].dependencies[0]",
                "conditions[1].expression");
    }

    @Test
    void a_cycle_is_reported_alongside_errors_outside_the_actions() {
        List<InputError> errors = errors("""
                {"entity_type": "order", "operations": ["update"],
                 "conditions": [{"field": "status", "operator": "equals", "value": "paid"}],
                 "actions": [
                   {"id": "a", "type": "set", "values": {"n": 1}, "dependencies": ["b"]},
                   {"id": "b", "type": "set", "values": {"n": 1}, "dependencies": ["a"]}]}""");

        assertThat(errors).extracting(InputError::path).containsExactly(
                "conditions[0].operator", "actions[0].dependencies[0]");
    }

    @Test
    void a_misspelt_strategy_does_not_also_raise_template_errors_under_the_default_strategy() {
        List<InputError> errors = errors("""
                {"entity_type": "order", "operations": ["update"],
                 "actions": [
                   {"id": "a", "type": "set", "values": {"n": 1}, "result_variable": "counts"},
                   {"id": "b", "type": "notification", "recipients": ["ops"], "body": "{{ counts.n }}"}],
                 "workflow_settings": {"action_execution_strategy": "sequentail"}}""");

        assertThat(errors).extracting(InputError::path).containsExactly("workflow_settings.action_execution_strategy");
    }

    @Test
    void a_definition_without_errors_has_a_definition_and_no_errors() {
        ParseResult result = Definitions.parse(withActions(NOTIFY));

        Definitions.valid(withActions(NOTIFY));
        assertThat(result.valid()).isTrue();
        assertThat(result.definition()).isNotNull();
        assertThat(result.orThrow().id()).isEqualTo("w");
    }

    @Test
    void an_invalid_definition_throws_every_error_with_its_path_when_asked_for_the_definition() {
        ParseResult result = Definitions.parse("""
                {"id": "w", "operations": ["upsert"]}""");

        assertThat(result.definition()).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(result::orThrow)
                .isInstanceOfSatisfying(DefinitionInvalidException.class, e -> {
                    assertThat(e.workflowId()).isEqualTo("w");
                    assertThat(e.errors()).hasSize(2);
                })
                .hasMessage("workflow 'w' is invalid: entity_type: is required; operations[0]: unknown operation"
                        + " 'upsert'; use create, update or delete");
    }
}
