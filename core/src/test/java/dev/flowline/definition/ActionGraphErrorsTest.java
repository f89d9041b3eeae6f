package dev.flowline.definition;

import dev.flowline.json.InputError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.flowline.definition.Definitions.onlyError;
import static dev.flowline.definition.Definitions.withActions;
import static org.assertj.core.api.Assertions.assertThat;

/** Errors in how actions relate: ids, dependencies, cycles and result variables. */
class ActionGraphErrorsTest {

    @Test
    void a_duplicate_action_id_is_reported_at_the_second_one_and_names_the_first() {
        InputError e = onlyError(withActions("""
                {"id": "notify", "type": "notification", "recipients": ["ops"], "body": "one"},
                {"id": "notify", "type": "notification", "recipients": ["ops"], "body": "two"}"""));

        assertThat(e.path()).isEqualTo("actions[1].id");
        assertThat(e.message()).isEqualTo("duplicate action id 'notify' (also used by actions[0]);"
                + " give each action its own id");
    }

    @Test
    void an_unknown_dependency_is_reported_at_its_place_in_the_list_with_the_closest_id() {
        InputError e = onlyError(withActions("""
                {"id": "action1", "type": "set", "values": {"n": 1}},
                {"id": "action2", "type": "notification", "dependencies": ["action1", "acton1"],
                 "recipients": ["ops"], "body": "hi"}"""));

        assertThat(e.path()).isEqualTo("actions[1].dependencies[1]");
        assertThat(e.message()).isEqualTo("unknown dependency 'acton1': no action has this id;"
                + " did you mean 'action1'? Action ids: action1, action2");
    }

    @Test
    void an_unknown_dependency_like_no_id_lists_the_ids() {
        InputError e = onlyError(withActions("""
                {"id": "a", "type": "set", "values": {"n": 1}},
                {"id": "b", "type": "notification", "dependencies": ["zz"], "recipients": ["ops"], "body": "hi"}"""));

        assertThat(e.path()).isEqualTo("actions[1].dependencies[0]");
        assertThat(e.message()).isEqualTo("unknown dependency 'zz': no action has this id; use one of a, b");
    }

    @Test
    void a_self_dependency_is_reported_at_its_place_and_says_to_remove_it() {
        InputError e = onlyError(withActions("""
                {"id": "a", "type": "set", "values": {"n": 1}},
                {"id": "b", "type": "set", "values": {"n": 1}, "dependencies": ["a", "b"]}"""));

        assertThat(e.path()).isEqualTo("actions[1].dependencies[1]");
        assertThat(e.message()).isEqualTo("action 'b' cannot depend on itself; remove 'b' from its dependencies");
    }

    @Test
    void a_dependency_cycle_is_reported_in_the_dependencies_of_its_first_action_with_the_whole_cycle() {
        InputError e = onlyError(withActions("""
                {"id": "start", "type": "set", "values": {"n": 1}},
                {"id": "a", "type": "set", "values": {"n": 1}, "dependencies": ["start", "b"]},
                {"id": "b", "type": "set", "values": {"n": 1}, "dependencies": ["c"]},
                {"id": "c", "type": "set", "values": {"n": 1}, "dependencies": ["a"]}"""));

        assertThat(e.path()).isEqualTo("actions[1].dependencies[1]");
        assertThat(e.message()).isEqualTo("dependency cycle: a -> b -> c -> a; an action cannot wait for itself,"
                + " so remove one of these dependencies");
    }

    @ParameterizedTest
    @ValueSource(strings = {"entity", "previous", "event", "workflow", "execution"})
    void a_reserved_result_variable_is_refused(String name) {
        InputError e = onlyError(withActions("""
                {"id": "a", "type": "set", "values": {"n": 1}, "result_variable": "NAME"}""".replace("NAME", name)));

        assertThat(e.path()).isEqualTo("actions[0].result_variable");
        assertThat(e.message()).isEqualTo("'" + name + "' is a reserved name that templates already read;"
                + " choose another result_variable");
    }

    @Test
    void a_result_variable_produced_twice_is_reported_at_the_second_and_names_the_first() {
        InputError e = onlyError(withActions("""
                {"id": "a", "type": "set", "values": {"n": 1}, "result_variable": "data"},
                {"id": "b", "type": "set", "values": {"n": 2}, "result_variable": "data"}"""));

        assertThat(e.path()).isEqualTo("actions[1].result_variable");
        assertThat(e.message()).isEqualTo("'data' is already produced by action 'a'; choose another name");
    }

    @Test
    void a_result_variable_templates_cannot_read_is_refused() {
        InputError e = onlyError(withActions("""
                {"id": "a", "type": "set", "values": {"n": 1}, "result_variable": "line-count"}"""));

        assertThat(e.path()).isEqualTo("actions[0].result_variable");
        assertThat(e.message()).startsWith("'line-count' cannot be read by templates: use a name made of letters,");
    }

    @Test
    void every_graph_error_is_reported_together() {
        var errors = Definitions.errors(withActions("""
                {"id": "a", "type": "set", "values": {"n": 1}, "result_variable": "entity"},
                {"id": "a", "type": "set", "values": {"n": 1}},
                {"id": "b", "type": "set", "values": {"n": 1}, "dependencies": ["b", "nope"]}"""));

        assertThat(errors).extracting(InputError::path).containsExactly("actions[0].result_variable", "actions[1].id",
                "actions[2].dependencies[0]", "actions[2].dependencies[1]");
    }
}
