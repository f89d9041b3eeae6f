package dev.flowline.definition;

import dev.flowline.event.Operation;
import dev.flowline.json.InputError;
import org.junit.jupiter.api.Test;

import static dev.flowline.definition.Definitions.NOTIFY;
import static dev.flowline.definition.Definitions.parse;
import static dev.flowline.definition.Definitions.withActions;
import static org.assertj.core.api.Assertions.assertThat;

/** Warnings point at what works but is slow or suspicious; the definition stays valid. */
class WarningsTest {

    @Test
    void missing_operations_warns_that_every_operation_triggers() {
        String json = """
                {"entity_type": "order", "actions": [NOTIFY]}""".replace("NOTIFY", NOTIFY);
        ParseResult result = parse(json);

        assertThat(Definitions.valid(json).trigger().operations()).containsExactlyInAnyOrder(Operation.values());
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("operations");
            assertThat(w.message()).isEqualTo("not given, so the workflow triggers on create, update and delete;"
                    + " list only the operations it needs");
        });
    }

    @Test
    void select_star_warns_at_the_sql() {
        String json = withActions("""
                {"id": "a", "type": "database", "operation": "query", "sql": "SELECT * FROM orders WHERE id = :id",
                 "params": {"id": "{{ entity.id }}"}}""");

        Definitions.valid(json);
        assertThat(parse(json).warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("actions[0].sql");
            assertThat(w.message()).isEqualTo("SELECT * reads every column; name the columns the workflow needs");
        });
    }

    @Test
    void a_query_feeding_templates_without_limit_warns_at_the_sql() {
        String json = withActions("""
                {"id": "a", "type": "database", "operation": "query",
                 "sql": "SELECT id, status, total FROM orders WHERE created_at > :since",
                 "params": {"since": "{{ entity.created_at }}"}, "result_variable": "recent"}""");

        Definitions.valid(json);
        assertThat(parse(json).warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("actions[0].sql");
            assertThat(w.message()).isEqualTo("the query feeds templates (result_variable 'recent') but has no LIMIT;"
                    + " add one to bound the rows read");
        });
    }

    @Test
    void the_guides_good_query_gives_no_warning() {
        String json = withActions("""
                {"id": "a", "type": "database", "operation": "query",
                 "sql": "SELECT id, status, total FROM orders WHERE created_at > :since LIMIT 1000",
                 "params": {"since": "{{ entity.created_at }}"}, "result_variable": "recent"}""");

        Definitions.valid(json);
        assertThat(parse(json).warnings()).isEmpty();
    }

    @Test
    void a_query_whose_rows_feed_no_template_needs_no_limit() {
        String json = withActions("""
                {"id": "a", "type": "database", "operation": "query", "sql": "select id from orders"}""");

        Definitions.valid(json);
        assertThat(parse(json).warnings()).isEmpty();
    }

    @Test
    void an_unused_parameter_warns_at_the_parameter_in_actions_and_conditions() {
        String json = """
                {"entity_type": "order", "operations": ["update"],
                 "conditions": [{"type": "query", "sql": "select true", "params": {"cid": 1}}],
                 "actions": [{"id": "a", "type": "database", "operation": "update",
                              "sql": "update orders set seen = true where id = :id",
                              "params": {"id": "{{ entity.id }}", "extra": 2}}]}""";

        Definitions.valid(json);
        assertThat(parse(json).warnings()).extracting(InputError::path)
                .containsExactly("conditions[0].params.cid", "actions[0].params.extra");
        assertThat(parse(json).warnings()).extracting(InputError::message).containsExactly(
                "parameter is not used by the SQL (no :cid in it)",
                "parameter is not used by the SQL (no :extra in it)");
    }

    @Test
    void a_workflow_without_actions_warns_that_it_does_nothing() {
        String json = """
                {"entity_type": "order", "operations": ["update"]}""";

        Definitions.valid(json);
        assertThat(parse(json).warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("actions");
            assertThat(w.message()).isEqualTo("the workflow has no actions, so it does nothing when it runs");
        });
    }

    @Test
    void field_triggers_on_a_workflow_without_update_warn_that_they_filter_nothing() {
        String json = """
                {"entity_type": "order", "operations": ["create"], "field_triggers": ["status"],
                 "actions": [NOTIFY]}""".replace("NOTIFY", NOTIFY);

        Definitions.valid(json);
        assertThat(parse(json).warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("field_triggers");
            assertThat(w.message()).isEqualTo("only filter update events, and this workflow does not trigger on"
                    + " update");
        });
    }

    @Test
    void warnings_are_kept_when_the_definition_also_has_errors() {
        ParseResult result = parse("""
                {"entity_type": "order", "entitytype": "x"}""");

        assertThat(result.errors()).extracting(InputError::path).containsExactly("entitytype");
        assertThat(result.warnings()).extracting(InputError::path).containsExactly("operations", "actions");
    }
}
