package dev.flowline.definition;

import dev.flowline.json.InputError;
import org.junit.jupiter.api.Test;

import static dev.flowline.definition.Definitions.onlyError;
import static dev.flowline.definition.Definitions.valid;
import static dev.flowline.definition.Definitions.withActions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates are compiled when the definition is read, and may read only what is available to their action: the
 * event roots, and the result variables of the action's dependencies (in sequential mode, of every earlier action).
 */
class TemplateChecksTest {

    private static final String PRODUCER = """
            {"id": "action1", "type": "database", "operation": "query",
             "sql": "select sku from order_lines where order_id = :id limit 100",
             "params": {"id": "{{ entity.id }}"}, "result_variable": "data"}""";

    @Test
    void a_template_that_does_not_compile_is_reported_at_its_string_once() {
        InputError e = onlyError(withActions(PRODUCER + """
                , {"id": "action2", "type": "notification", "dependencies": ["action1"], "recipients": ["ops"],
                   "body": "Results: {{data.length} items found"}"""));

        assertThat(e.path()).isEqualTo("actions[1].body");
        assertThat(e.message()).startsWith("template does not compile: ")
                .contains("\"Results: {{data.length} items found\"")
                .doesNotContain("actions[1].body");
    }

    @Test
    void a_template_error_inside_a_webhook_body_has_the_path_of_the_nested_string() {
        InputError e = onlyError(withActions(PRODUCER + """
                , {"id": "action3", "type": "webhook", "dependencies": ["action1"], "url": "http://127.0.0.1:9/x",
                   "body": {"result_count": "{{data.length}}", "items": ["{{ data | nosuchfilter }}"]}}"""));

        assertThat(e.path()).isEqualTo("actions[1].body.items[0]");
        assertThat(e.message()).contains("nosuchfilter").doesNotStartWith("actions[1]");
    }

    @Test
    void a_template_error_in_a_query_parameter_has_the_path_of_the_parameter() {
        InputError e = onlyError(Definitions.withConditions("""
                {"type": "query", "sql": "select :cid > 0", "params": {"cid": "{{ entity.customer.id"}}"""));

        assertThat(e.path()).isEqualTo("conditions[0].params.cid");
        assertThat(e.message()).startsWith("template does not compile: ");
    }

    @Test
    void a_template_reading_a_variable_of_an_action_that_is_not_a_dependency_suggests_adding_it() {
        InputError e = onlyError(withActions(PRODUCER + """
                , {"id": "action2", "type": "notification", "recipients": ["ops"],
                   "body": "Results: {{data.length}} items found"}"""));

        assertThat(e.path()).isEqualTo("actions[1].body");
        assertThat(e.message()).isEqualTo("template reads 'data', which is not available to this action:"
                + " it is produced by action 'action1'; add 'action1' to dependencies");
    }

    @Test
    void the_same_template_with_the_dependency_is_valid() {
        valid(withActions(PRODUCER + """
                , {"id": "action2", "type": "notification", "dependencies": ["action1"], "recipients": ["ops"],
                   "body": "Results: {{data.length}} items found"}"""));
    }

    @Test
    void variables_of_transitive_dependencies_are_available() {
        valid(withActions(PRODUCER + """
                , {"id": "count", "type": "set", "dependencies": ["action1"], "values": {"n": "{{ data.length }}"},
                   "result_variable": "counted"},
                  {"id": "tell", "type": "notification", "dependencies": ["count"], "recipients": ["ops"],
                   "body": "{{ counted.n }} of {{ data.length }}"}"""));
    }

    @Test
    void variables_of_a_sibling_are_not_available_in_parallel_mode() {
        InputError e = onlyError(withActions(PRODUCER + """
                , {"id": "count", "type": "set", "dependencies": ["action1"], "values": {"n": "{{ data.length }}"},
                   "result_variable": "counted"},
                  {"id": "tell", "type": "notification", "dependencies": ["action1"], "recipients": ["ops"],
                   "title": "{{ data.length }}", "body": "{{ counted.n }}"}"""));

        assertThat(e.path()).isEqualTo("actions[2].body");
        assertThat(e.message()).contains("'counted'").contains("add 'count' to dependencies");
    }

    @Test
    void in_sequential_mode_earlier_actions_count_without_dependencies() {
        valid("""
                {"entity_type": "order", "operations": ["update"],
                 "actions": [PRODUCER,
                   {"id": "action2", "type": "notification", "recipients": ["ops"],
                    "body": "Results: {{data.length}} items found"}],
                 "workflow_settings": {"action_execution_strategy": "sequential"}}""".replace("PRODUCER", PRODUCER));
    }

    @Test
    void in_sequential_mode_a_later_action_does_not_count() {
        InputError e = onlyError("""
                {"entity_type": "order", "operations": ["update"],
                 "actions": [
                   {"id": "action2", "type": "notification", "recipients": ["ops"],
                    "body": "Results: {{data.length}} items found"},
                   PRODUCER],
                 "workflow_settings": {"execution_strategy": "sequential"}}""".replace("PRODUCER", PRODUCER));

        assertThat(e.path()).isEqualTo("actions[0].body");
        assertThat(e.message()).contains("add 'action1' to dependencies");
    }

    @Test
    void a_variable_no_action_produces_lists_what_templates_can_read() {
        InputError e = onlyError(withActions("""
                {"id": "a", "type": "webhook", "url": "http://127.0.0.1:9/{{ entity.id }}",
                 "headers": {"X-Count": "{{ totals.count }}"}}"""));

        assertThat(e.path()).isEqualTo("actions[0].headers.X-Count");
        assertThat(e.message()).isEqualTo("template reads 'totals', which is not available to this action:"
                + " no action produces it; templates can read entity, event, execution, previous, workflow");
    }

    @Test
    void loop_variables_and_set_variables_are_not_mistaken_for_results() {
        valid(withActions(PRODUCER + """
                , {"id": "tell", "type": "notification", "dependencies": ["action1"], "recipients": ["ops"],
                   "body": "{% set total = 0 %}{% for line in data %}{{ line.sku }} {{ loop.index }}{% endfor %}"}"""));
    }
}
