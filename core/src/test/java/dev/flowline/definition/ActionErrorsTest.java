package dev.flowline.definition;

import dev.flowline.json.InputError;
import dev.flowline.template.TemplateEngine;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static dev.flowline.definition.Definitions.onlyError;
import static dev.flowline.definition.Definitions.withActions;
import static org.assertj.core.api.Assertions.assertThat;

/** Errors inside one action, each at its JSON path. */
class ActionErrorsTest {

    @Test
    void an_unknown_action_type_is_reported_at_the_type_with_the_closest_name() {
        InputError e = onlyError(withActions("""
                {"id": "a", "type": "notifcation", "recipients": ["ops"], "body": "hi"}"""));

        assertThat(e.path()).isEqualTo("actions[0].type");
        assertThat(e.message()).isEqualTo("unknown action type 'notifcation'; did you mean 'notification'?"
                + " Action types: notification, webhook, database, set, update_entity, email");
    }

    @Test
    void an_unknown_action_type_like_no_other_says_it_needs_a_registered_handler() {
        InputError e = onlyError(withActions("""
                {"id": "a", "type": "slack", "channel": "#ops"}"""));

        assertThat(e.path()).isEqualTo("actions[0].type");
        assertThat(e.message()).isEqualTo("unknown action type 'slack'; use one of notification, webhook, database,"
                + " set, update_entity, email, or register an ActionHandler for 'slack' with the engine");
    }

    @Test
    void a_registered_custom_action_type_is_accepted_with_its_own_fields() {
        DefinitionParser parser = new DefinitionParser(new TemplateEngine(), Set.of("slack"));

        WorkflowDefinition def = Definitions.valid(parser, withActions("""
                {"id": "a", "type": "slack", "channel": "#ops", "text": "Order {{ entity.id }}"}"""));

        assertThat(def.actions()).singleElement().satisfies(a -> assertThat(a.type()).isEqualTo("slack"));
    }

    @Test
    void a_template_error_in_a_custom_action_has_the_path_of_its_field() {
        DefinitionParser parser = new DefinitionParser(new TemplateEngine(), Set.of("slack"));

        ParseResult result = parser.parse(withActions("""
                {"id": "a", "type": "slack", "blocks": [{"text": "{{ entity.id"}]}"""), false, "w");

        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("actions[0].blocks[0].text");
            assertThat(e.message()).startsWith("template does not compile");
        });
    }

    @Test
    void a_database_action_with_an_unbound_parameter_names_it_and_says_to_add_it_to_params() {
        InputError e = onlyError(withActions("""
                {"id": "lines", "type": "database", "operation": "query",
                 "sql": "select sku from order_lines where order_id = :order_id limit 10"}"""));

        assertThat(e.path()).isEqualTo("actions[0].sql");
        assertThat(e.message()).isEqualTo("parameter :order_id is not bound; add \"order_id\" to params");
    }

    @Test
    void an_unknown_database_operation_lists_the_operations() {
        InputError e = onlyError(withActions("""
                {"id": "a", "type": "database", "operation": "upsert", "sql": "select 1"}"""));

        assertThat(e.path()).isEqualTo("actions[0].operation");
        assertThat(e.message()).isEqualTo("unknown database operation 'upsert'; use query, insert, update, delete"
                + " or execute");
    }

    @Test
    void retry_max_attempts_zero_is_reported_at_the_retry_field_with_the_range() {
        InputError e = onlyError(withActions("""
                {"id": "a", "type": "webhook", "url": "http://127.0.0.1:9/x", "retry": {"max_attempts": 0}}"""));

        assertThat(e.path()).isEqualTo("actions[0].retry.max_attempts");
        assertThat(e.message()).isEqualTo("must be a whole number from 1 to 100, not 0");
    }

    @Test
    void a_misspelt_retry_field_gets_a_suggestion() {
        InputError e = onlyError(withActions("""
                {"id": "a", "type": "webhook", "url": "http://127.0.0.1:9/x", "retry": {"max_attempt": 2}}"""));

        assertThat(e.path()).isEqualTo("actions[0].retry.max_attempt");
        assertThat(e.message()).startsWith("unknown field 'max_attempt'; did you mean 'max_attempts'?");
    }

    @Test
    void a_misspelt_action_field_gets_a_suggestion_and_the_fields_of_that_action_type() {
        InputError e = onlyError(withActions("""
                {"id": "a", "type": "notification", "recipients": ["ops"], "body": "hi", "priorty": "high"}"""));

        assertThat(e.path()).isEqualTo("actions[0].priorty");
        assertThat(e.message()).isEqualTo("unknown field 'priorty'; did you mean 'priority'? Fields known here:"
                + " body, dependencies, description, id, name, priority, recipients, result_variable, retry,"
                + " timeout_ms, title, type");
    }

    @Test
    void a_missing_required_field_is_reported_at_that_field() {
        InputError e = onlyError(withActions("""
                {"id": "a", "type": "notification", "body": "hi"}"""));

        assertThat(e.path()).isEqualTo("actions[0].recipients");
        assertThat(e.message()).isEqualTo("is required");
    }

    @Test
    void update_entity_with_nothing_to_set_says_so() {
        InputError e = onlyError(withActions("""
                {"id": "a", "type": "update_entity", "set": {}}"""));

        assertThat(e.path()).isEqualTo("actions[0].set");
        assertThat(e.message()).isEqualTo("must name at least one field to set");
    }
}
